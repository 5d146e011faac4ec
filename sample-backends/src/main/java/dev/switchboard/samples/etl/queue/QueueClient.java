package dev.switchboard.samples.etl.queue;

import dev.switchboard.resilience.ResilientHttpClients;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three message-queue calls the ETL worker needs, over HTTP: publish, long-poll consume and ack. All queue
 * traffic goes through this one class. Publishes and acks use resilience-lib's client {@value #CLIENT_NAME};
 * long polls use {@value #CONSUMER_CLIENT_NAME}, with a circuit breaker of its own, so that the worker polling a
 * queue that is still starting (or slow by design) never opens the breaker that job submissions go through.
 * Every call is safe to retry: a publish carries an {@code Idempotency-Key}, a consume is a GET, and an ack of an
 * acked delivery changes nothing.
 */
public final class QueueClient {

    /** The client of publishes and acks: settings under {@code switchboard.resilience.clients.queue}. */
    public static final String CLIENT_NAME = "queue";

    /** The client of long polls: settings under {@code switchboard.resilience.clients.queue-consumer}. */
    public static final String CONSUMER_CLIENT_NAME = "queue-consumer";

    private final RestClient http;
    private final RestClient polls;
    private final JsonMapper json;

    /**
     * @param http  the client of publishes and acks, whose base URL is the queue service's root
     *              (e.g. {@code http://localhost:8082})
     * @param polls the client of long polls, same base URL, with a read timeout longer than the longest poll
     */
    public QueueClient(RestClient http, RestClient polls, JsonMapper json) {
        this.http = http;
        this.polls = polls;
        this.json = json;
    }

    /**
     * Publishes {@code payload} as the message body. The idempotency key makes a retried publish (after a lost
     * response) store nothing new.
     *
     * @return the message id the queue assigned
     */
    public String publish(String queue, Object payload, String idempotencyKey) {
        JsonNode created = http.post().uri("/api/v1/queue/{queue}/publish", queue)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(payload)
                .retrieve()
                .body(JsonNode.class);
        String id = created == null ? null : text(created, "id", "messageId");
        if (id == null) {
            throw new QueueException("The queue accepted the message but returned no message id: " + created);
        }
        return id;
    }

    /** Waits up to {@code wait} for the next message; empty when the queue stayed empty (204). */
    public Optional<Delivery> consume(String queue, Duration wait) {
        return polls.get().uri("/api/v1/queue/{queue}/consume?wait={wait}", queue, wait.toSeconds())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == 204) {
                        return Optional.<Delivery>empty();
                    }
                    if (response.getStatusCode().value() != 200) {
                        throw new QueueException("Consume from '" + queue + "' answered " + response.getStatusCode().value());
                    }
                    return Optional.of(delivery(json.readTree(response.getBody())));
                });
    }

    /** Acknowledges one delivery: the message is done and will not come back. */
    public void ack(String queue, String receiptHandle) {
        http.post().uri("/api/v1/queue/{queue}/ack", queue)
                .attributes(ResilientHttpClients.idempotent())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("receiptHandle", receiptHandle))
                .retrieve()
                .toBodilessEntity();
    }

    private Delivery delivery(JsonNode body) {
        String id = text(body, "id", "messageId");
        String receipt = text(body, "receiptHandle");
        if (id == null || receipt == null) {
            throw new QueueException("A consumed message lacks its id or receipt handle: " + abbreviate(body.toString()));
        }
        JsonNode payload = body.path("payload");
        // The payload is the published JSON value; accept it also as a string holding that JSON.
        if (payload.isString()) {
            payload = json.readTree(payload.asString());
        }
        return new Delivery(id, receipt, payload, body.path("deliveryCount").asInt(1), text(body, "traceparent"),
                text(body, "tracestate"));
    }

    private static @Nullable String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isString() || value.isNumber()) {
                return value.asString();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** A short reason for a failed call: the root cause's message, or its type when it has none (a refused connection). */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * One delivery of a message: acknowledge it by its receipt handle. {@code traceparent} and {@code tracestate}
     * are the W3C trace context the message was published in, when its publisher had one.
     */
    public record Delivery(String messageId, String receiptHandle, JsonNode payload, int deliveryCount,
            @Nullable String traceparent, @Nullable String tracestate) {
    }

    /** The queue answered something this client cannot use. */
    public static final class QueueException extends RuntimeException {

        QueueException(String message) {
            super(message);
        }
    }
}
