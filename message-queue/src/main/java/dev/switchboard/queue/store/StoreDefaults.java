package dev.switchboard.queue.store;

import java.time.Duration;

/**
 * Settings a queue gets when it is created implicitly, and the store-wide idempotency window.
 *
 * @param idempotencyWindow how long an {@code Idempotency-Key} is remembered after its first publish
 */
public record StoreDefaults(Duration visibilityTimeout, int maxDeliveries, Duration retention, Duration idempotencyWindow) {

    public QueueSettings settingsFor(String queue) {
        return new QueueSettings(queue, visibilityTimeout, maxDeliveries, retention);
    }
}
