package dev.switchboard.queue.metrics;

import dev.switchboard.queue.store.AckResult;
import dev.switchboard.queue.store.Delivery;
import dev.switchboard.queue.store.NewMessage;
import dev.switchboard.queue.store.Published;
import dev.switchboard.queue.store.QueueSettings;
import dev.switchboard.queue.store.QueueStats;
import dev.switchboard.queue.store.QueueStore;
import dev.switchboard.queue.store.ReceiptHandle;
import dev.switchboard.queue.store.SettingsChange;
import dev.switchboard.queue.store.SettingsUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Counts publishes, deliveries and acks of the store it wraps. */
public final class MeteredQueueStore implements QueueStore {

    private final QueueStore delegate;
    private final QueueMetrics metrics;

    public MeteredQueueStore(QueueStore delegate, QueueMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public List<Published> publish(String queue, List<NewMessage> messages) {
        List<Published> published = delegate.publish(queue, messages);
        metrics.published(queue, (int) published.stream().filter(message -> !message.duplicate()).count());
        return published;
    }

    @Override
    public List<Delivery> receive(String queue, int max, @Nullable Duration visibilityTimeout) {
        List<Delivery> deliveries = delegate.receive(queue, max, visibilityTimeout);
        metrics.delivered(queue, deliveries.size());
        return deliveries;
    }

    @Override
    public AckResult ack(String queue, ReceiptHandle receipt) {
        return counted(queue, delegate.ack(queue, receipt));
    }

    @Override
    public List<AckResult> ackAll(String queue, List<ReceiptHandle> receipts) {
        List<AckResult> results = delegate.ackAll(queue, receipts);
        results.forEach(result -> counted(queue, result));
        return results;
    }

    @Override
    public AckResult ackById(String queue, long id) {
        return counted(queue, delegate.ackById(queue, id));
    }

    private AckResult counted(String queue, AckResult result) {
        if (result == AckResult.DONE) {
            metrics.acked(queue);
        }
        return result;
    }

    @Override
    public SettingsChange putSettings(String queue, SettingsUpdate update) {
        return delegate.putSettings(queue, update);
    }

    @Override
    public Optional<QueueSettings> settings(String queue) {
        return delegate.settings(queue);
    }

    @Override
    public AckResult nack(String queue, ReceiptHandle receipt, Duration delay) {
        return delegate.nack(queue, receipt, delay);
    }

    @Override
    public int redrive(String queue) {
        return delegate.redrive(queue);
    }

    @Override
    public int purge(String queue) {
        return delegate.purge(queue);
    }

    @Override
    public boolean delete(String queue) {
        return delegate.delete(queue);
    }

    @Override
    public Optional<QueueStats> stats(String queue) {
        return delegate.stats(queue);
    }

    @Override
    public List<QueueStats> allStats() {
        return delegate.allStats();
    }

    @Override
    public int removeExpired() {
        return delegate.removeExpired();
    }
}
