package dev.switchboard.queue.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Durable storage of queues and their messages. Every implementation passes the same contract suite
 * ({@code QueueStoreContract}); each method is one atomic, durable step: when it returns, its effect survives a
 * crash of the process.
 */
public interface QueueStore {

    /** Creates or changes a queue's settings; fields of {@code update} left null keep their current value. */
    SettingsChange putSettings(String queue, SettingsUpdate update);

    Optional<QueueSettings> settings(String queue);

    /**
     * Stores the messages atomically (all or none), creating the queue when needed. A message whose idempotency
     * key was already used on this queue within the idempotency window is not stored again: its entry names the
     * first message and is marked {@link Published#duplicate()}.
     */
    List<Published> publish(String queue, List<NewMessage> messages);

    /**
     * Delivers up to {@code max} ready messages in id (enqueue) order, each made invisible for the visibility
     * timeout ({@code null}: the queue's setting). A ready message already delivered {@code maxDeliveries} times
     * is moved to the queue's dead-letter queue instead. An unknown queue has nothing to deliver.
     */
    List<Delivery> receive(String queue, int max, @Nullable Duration visibilityTimeout);

    /** Deletes the message of this delivery, unless it has been delivered again since (stale receipt). */
    AckResult ack(String queue, ReceiptHandle receipt);

    /** Acks several deliveries in one transaction; the results are in the order of {@code receipts}. */
    List<AckResult> ackAll(String queue, List<ReceiptHandle> receipts);

    /** Deletes a message by id, which is only unambiguous while exactly one delivery of it is in flight. */
    AckResult ackById(String queue, long id);

    /** Releases a delivery: the message becomes ready again after {@code delay}; the receipt becomes stale. */
    AckResult nack(String queue, ReceiptHandle receipt, Duration delay);

    /** Moves every message of {@code queue}'s dead-letter queue back to {@code queue}; returns how many moved. */
    int redrive(String queue);

    /** Deletes every message of the queue, keeping the queue and its settings; returns how many were deleted. */
    int purge(String queue);

    /** Deletes the queue, its messages, counters and idempotency keys; false when there was no such queue. */
    boolean delete(String queue);

    Optional<QueueStats> stats(String queue);

    /** Every queue's stats, ordered by name. */
    List<QueueStats> allStats();

    /** Deletes messages past their queue's retention and idempotency keys past the window; returns rows deleted. */
    int removeExpired();

    /** The name of the dead-letter queue of {@code queue}. */
    static String deadLetterQueueOf(String queue) {
        return queue + ".dlq";
    }
}
