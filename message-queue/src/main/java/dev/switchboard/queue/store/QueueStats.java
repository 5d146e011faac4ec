package dev.switchboard.queue.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A queue's state at one moment.
 *
 * @param ready messages a consumer would receive now
 * @param inFlight messages delivered and neither acked nor past their visibility timeout
 * @param delayed messages published with a delay or nacked with one, not yet ready
 * @param deadLettered messages in the queue's dead-letter queue
 * @param published messages stored since the queue was created (idempotent duplicates excluded)
 * @param delivered deliveries made, redeliveries included
 * @param acked messages acknowledged
 * @param oldestReadyAge age of the oldest ready message, null when none is ready
 */
public record QueueStats(String queue, long ready, long inFlight, long delayed, long deadLettered, long published,
        long delivered, long acked, @Nullable Duration oldestReadyAge) {
}
