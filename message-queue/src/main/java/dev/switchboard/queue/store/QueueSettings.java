package dev.switchboard.queue.store;

import java.time.Duration;

/**
 * A queue's settings.
 *
 * @param visibilityTimeout how long a delivered message stays invisible unless acked
 * @param maxDeliveries deliveries after which a message moves to the dead-letter queue; 0 means never
 * @param retention how long a message is kept at most, delivered or not
 */
public record QueueSettings(String name, Duration visibilityTimeout, int maxDeliveries, Duration retention) {
}
