package dev.switchboard.queue.store;

import java.time.Instant;

/**
 * A stored message.
 *
 * @param duplicate true when the publish reused an idempotency key and nothing new was stored
 */
public record Published(long id, String queue, Instant enqueuedAt, boolean duplicate) {
}
