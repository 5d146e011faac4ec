package dev.switchboard.queue.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A message to publish.
 *
 * @param payload the payload as compact JSON text, already validated
 * @param delay how long the message stays invisible after it is stored
 * @param idempotencyKey the publisher's key that makes a retried publish a no-op, or null
 * @param trace the publishing request's W3C trace context, handed to consumers so they continue its trace; or null
 */
public record NewMessage(String payload, Duration delay, @Nullable String idempotencyKey,
        @Nullable TraceContext trace) {

    public static NewMessage of(String payload) {
        return new NewMessage(payload, Duration.ZERO, null, null);
    }
}
