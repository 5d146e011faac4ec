package dev.switchboard.queue.core;

import dev.switchboard.queue.config.QueueProperties;
import dev.switchboard.queue.store.Delivery;
import dev.switchboard.queue.store.QueueStore;
import dev.switchboard.queue.store.ReceiptHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polling without a thread per waiting consumer: a waiting {@code consume} is a {@link DeferredResult}
 * parked here (its servlet thread goes back to the pool). A publish on this replica wakes the queue's waiters at
 * once; a periodic recheck catches messages that became ready otherwise (delays and visibility timeouts running
 * out, publishes on another replica). Waiters are served first come, first served, on two shared threads.
 */
@Component
public class WaitingConsumers implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WaitingConsumers.class);

    private final QueueStore store;
    private final Map<String, ConcurrentLinkedDeque<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Set<String> servesPending = ConcurrentHashMap.newKeySet();
    private final ExecutorService servers = Executors.newFixedThreadPool(2, runnable -> daemon(runnable, "queue-long-poll"));
    // Running from construction: the lifecycle phase that makes this stop before the web server also makes it start
    // after the web server, and a long poll arriving in between must wait, not be answered at once.
    private volatile boolean running = true;
    private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "queue-long-poll-recheck"));

    public WaitingConsumers(QueueStore store, QueueProperties properties, MeterRegistry meterRegistry) {
        this.store = store;
        Gauge.builder("switchboard.queue.waiting.consumers", waiters,
                all -> all.values().stream().mapToInt(ConcurrentLinkedDeque::size).sum())
                .description("Long-polling consumers parked on this replica").register(meterRegistry);
        long interval = properties.longPoll().recheckInterval().toMillis();
        rechecks.scheduleWithFixedDelay(this::recheckAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Parks a consumer that found the queue empty until a message arrives ({@code render}ed into the response) or
     * {@code wait} passes ({@code empty} is answered).
     */
    public DeferredResult<ResponseEntity<?>> await(String queue, int max, @Nullable Duration visibilityTimeout,
            Duration wait, Function<List<Delivery>, ResponseEntity<?>> render, ResponseEntity<?> empty) {
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(wait.toMillis(), () -> empty);
        if (!running) {
            result.setResult(empty);
            return result;
        }
        Waiter waiter = new Waiter(queue, max, visibilityTimeout, result, render, empty);
        result.onCompletion(() -> {
            ConcurrentLinkedDeque<Waiter> queued = waiters.get(queue);
            if (queued != null) {
                queued.remove(waiter);
            }
        });
        waiters.compute(queue, (name, queued) -> {
            ConcurrentLinkedDeque<Waiter> deque = queued != null ? queued : new ConcurrentLinkedDeque<>();
            deque.addLast(waiter);
            return deque;
        });
        // A message published between the caller's first try and this registration must not wait for a recheck.
        scheduleServe(queue);
        return result;
    }

    /** Messages may be ready on {@code queue}: serve its waiters. */
    public void messagesAvailable(String queue) {
        ConcurrentLinkedDeque<Waiter> queued = waiters.get(queue);
        if (queued != null && !queued.isEmpty()) {
            scheduleServe(queue);
        }
    }

    private void recheckAll() {
        waiters.forEach((queue, queued) -> {
            if (queued.isEmpty()) {
                waiters.computeIfPresent(queue, (name, deque) -> deque.isEmpty() ? null : deque);
            }
            else {
                scheduleServe(queue);
            }
        });
    }

    private void scheduleServe(String queue) {
        if (servesPending.add(queue)) {
            servers.execute(() -> {
                servesPending.remove(queue);
                serve(queue);
            });
        }
    }

    /** Hands ready messages to waiters in arrival order until the queue runs dry. */
    private void serve(String queue) {
        ConcurrentLinkedDeque<Waiter> queued = waiters.get(queue);
        Waiter waiter;
        while (queued != null && (waiter = queued.pollFirst()) != null) {
            if (waiter.result().isSetOrExpired()) {
                continue;
            }
            List<Delivery> deliveries;
            try {
                deliveries = store.receive(queue, waiter.max(), waiter.visibilityTimeout());
            }
            catch (RuntimeException ex) {
                log.warn("Long-poll receive on queue {} failed", queue, ex);
                waiter.result().setErrorResult(ex);
                continue;
            }
            if (deliveries.isEmpty()) {
                Waiter back = waiter;
                waiters.compute(queue, (name, deque) -> {
                    ConcurrentLinkedDeque<Waiter> target = deque != null ? deque : new ConcurrentLinkedDeque<>();
                    target.addFirst(back);
                    return target;
                });
                return;
            }
            if (!waiter.result().setResult(waiter.render().apply(deliveries))) {
                release(queue, deliveries);
            }
        }
    }

    /** The consumer went away (timed out) while its messages were being received: make them ready again now. */
    private void release(String queue, List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            store.nack(queue, ReceiptHandle.parse(delivery.receiptHandle()), Duration.ZERO);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Answers every waiting consumer "nothing yet" (204) when the service stops, before the web server's graceful
     * shutdown, which would otherwise wait for each long poll to run out (up to 20 s).
     */
    @Override
    public void stop() {
        running = false;
        waiters.values().forEach(queued -> {
            Waiter waiter;
            while ((waiter = queued.pollFirst()) != null) {
                waiter.result().setResult(waiter.empty());
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (a lower phase), so that it has no long poll to wait for. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void destroy() {
        rechecks.shutdownNow();
        servers.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private record Waiter(String queue, int max, @Nullable Duration visibilityTimeout,
            DeferredResult<ResponseEntity<?>> result, Function<List<Delivery>, ResponseEntity<?>> render,
            ResponseEntity<?> empty) {
    }
}
