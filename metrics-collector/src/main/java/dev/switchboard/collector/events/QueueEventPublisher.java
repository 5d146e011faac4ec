package dev.switchboard.collector.events;

import dev.switchboard.collector.state.StatusChange;
import dev.switchboard.collector.state.StatusChangeListener;
import dev.switchboard.collector.support.BackgroundTasks;
import dev.switchboard.resilience.ResilientCallException;
import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilientHttpClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes status changes to the message queue ({@code POST {queue}/api/v1/queue/{name}/publish}), in order,
 * from a bounded in-memory outbox. While the queue is unreachable, events wait and are retried every
 * {@code retryInterval}; polling never waits for the queue. Beyond the capacity the oldest events are dropped
 * (and counted). Each event carries its id as {@code Idempotency-Key}, so a publish retried after a lost
 * answer is stored once.
 */
public class QueueEventPublisher extends BackgroundTasks implements StatusChangeListener {

    private static final Logger log = LoggerFactory.getLogger(QueueEventPublisher.class);

    private final URI publishUrl;
    private final int capacity;
    private final Duration retryInterval;
    private final JsonMapper json;
    private final RestClient queue;
    private final Deque<StatusChange> outbox = new ArrayDeque<>();
    private final Counter published;
    private final Counter dropped;
    private boolean queueReachable = true;

    /** The resilience-lib client name, configured under {@code switchboard.resilience.clients.message-queue}. */
    public static final String CLIENT = "message-queue";

    public QueueEventPublisher(URI queueUrl, String queueName, int capacity, Duration retryInterval, JsonMapper json,
                               ResilientHttpClients clients, MeterRegistry meters) {
        super("event-publisher");
        String base = queueUrl.toString().endsWith("/") ? queueUrl.toString() : queueUrl + "/";
        this.publishUrl = URI.create(base).resolve("api/v1/queue/" + queueName + "/publish");
        this.capacity = capacity;
        this.retryInterval = retryInterval;
        this.json = json;
        this.queue = clients.get(CLIENT);
        this.published = Counter.builder("collector.events.published").register(meters);
        this.dropped = Counter.builder("collector.events.dropped")
                .description("Status-change events dropped because the outbox was full").register(meters);
        Gauge.builder("collector.events.outbox", this, QueueEventPublisher::pending)
                .description("Status-change events waiting for the queue").register(meters);
    }

    @Override
    public void statusChanged(StatusChange change) {
        synchronized (outbox) {
            if (outbox.size() >= capacity) {
                StatusChange oldest = outbox.removeFirst();
                dropped.increment();
                log.warn("Event outbox full ({}): dropped the oldest event, {} of {}", capacity, oldest.to(),
                        oldest.service() + "/" + oldest.instance());
            }
            outbox.addLast(change);
        }
        runSoon(this::deliver);
    }

    int pending() {
        synchronized (outbox) {
            return outbox.size();
        }
    }

    /** Sends waiting events in order until the outbox is empty or the queue fails. */
    void deliver() {
        while (true) {
            StatusChange next;
            synchronized (outbox) {
                next = outbox.peekFirst();
            }
            if (next == null || !send(next)) {
                return;
            }
            synchronized (outbox) {
                // Only remove what was sent: the outbox may have dropped it meanwhile.
                if (outbox.peekFirst() == next) {
                    outbox.removeFirst();
                }
            }
        }
    }

    /**
     * True when the event is done with: published, or refused as invalid (retrying would not help). The call
     * goes through resilience-lib's {@value #CLIENT} client: its retries (the {@code Idempotency-Key} makes the
     * POST safe to retry) and breaker sit inside one delivery attempt; the outbox retries across attempts.
     */
    private boolean send(StatusChange change) {
        try {
            int status = queue.post().uri(publishUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(ResiliencePolicies.IDEMPOTENCY_KEY_HEADER, change.id())
                    .body(json.writeValueAsString(change))
                    .exchange((request, response) -> response.getStatusCode().value());
            if (status >= 200 && status < 300) {
                published.increment();
                reachable(true, null);
                return true;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                log.error("Queue refused event {} with HTTP {}: dropped", change.id(), status);
                dropped.increment();
                return true;
            }
            reachable(false, "HTTP " + status);
            return false;
        } catch (ResilientCallException e) {
            reachable(false, e.getMessage());
            return false;
        } catch (RestClientException e) {
            reachable(false, e.toString());
            return false;
        }
    }

    /** Logs once when the queue becomes unreachable and once when it is back, not on every retry. */
    private void reachable(boolean now, @Nullable String why) {
        if (now != queueReachable) {
            queueReachable = now;
            if (now) {
                log.info("Queue at {} reachable again; delivering {} waiting events", publishUrl, pending());
            } else {
                log.warn("Queue at {} unreachable ({}); events wait in the outbox and are retried every {}",
                        publishUrl, why, retryInterval);
            }
        }
    }

    @Override
    protected void schedule(ScheduledExecutorService scheduler) {
        every(scheduler, retryInterval, retryInterval, this::deliver);
        log.info("Publishing status changes to {}", publishUrl);
    }
}
