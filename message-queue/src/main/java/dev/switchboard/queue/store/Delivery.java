package dev.switchboard.queue.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of a message to a consumer.
 *
 * @param receiptHandle names this delivery; acking or nacking with it fails once the message was delivered again
 * @param payload the payload as JSON text
 * @param deliveryCount how many times the message has been delivered, this delivery included
 * @param visibleUntil when the message becomes ready again unless it is acked first
 * @param trace the W3C trace context the message was published in, if the publisher sent one
 */
public record Delivery(long id, String queue, String receiptHandle, String payload, int deliveryCount,
        Instant enqueuedAt, Instant visibleUntil, @Nullable TraceContext trace) {
}
