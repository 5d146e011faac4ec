package dev.switchboard.queue.metrics;

import dev.switchboard.queue.store.QueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Per-queue meters: counters of this replica's publishes, deliveries and acks, and gauges of the queue's state
 * ({@code switchboard.queue.messages{state=ready|in_flight|delayed|dead_lettered}} and the oldest ready message's
 * age) read from the latest {@link #refresh} snapshot, which the store makes for all replicas alike.
 */
@Component
public class QueueMetrics {

    private final MeterRegistry registry;
    private final Map<String, QueueStats> snapshot = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String queue, int count) {
        count("switchboard.queue.published", "Messages stored by publishes on this replica", queue, count);
    }

    void delivered(String queue, int count) {
        count("switchboard.queue.delivered", "Deliveries made by this replica, redeliveries included", queue, count);
    }

    void acked(String queue) {
        count("switchboard.queue.acked", "Messages acknowledged on this replica", queue, 1);
    }

    private void count(String name, String description, String queue, int count) {
        if (count > 0) {
            counters.computeIfAbsent(name + '\n' + queue,
                    key -> Counter.builder(name).description(description).tag("queue", queue).register(registry))
                    .increment(count);
        }
    }

    /** Replaces the gauges' snapshot, adding gauges for new queues and removing those of deleted ones. */
    public void refresh(List<QueueStats> stats) {
        Set<String> present = new HashSet<>();
        for (QueueStats queue : stats) {
            present.add(queue.queue());
            snapshot.put(queue.queue(), queue);
            gauges.computeIfAbsent(queue.queue(), this::registerGauges);
        }
        snapshot.keySet().retainAll(present);
        gauges.keySet().removeIf(queue -> {
            if (present.contains(queue)) {
                return false;
            }
            gauges.get(queue).forEach(registry::remove);
            return true;
        });
    }

    private List<Meter> registerGauges(String queue) {
        return List.of(gauge(queue, "ready", QueueStats::ready), gauge(queue, "in_flight", QueueStats::inFlight),
                gauge(queue, "delayed", QueueStats::delayed), gauge(queue, "dead_lettered", QueueStats::deadLettered),
                Gauge.builder("switchboard.queue.oldest.ready.age", snapshot, all -> {
                    QueueStats stats = all.get(queue);
                    return stats == null || stats.oldestReadyAge() == null ? 0 : stats.oldestReadyAge().toMillis() / 1000.0;
                }).description("Age of the oldest ready message").baseUnit("seconds").tag("queue", queue).register(registry));
    }

    private Meter gauge(String queue, String state, ToDoubleFunction<QueueStats> value) {
        return Gauge.builder("switchboard.queue.messages", snapshot, all -> {
            QueueStats stats = all.get(queue);
            return stats == null ? 0 : value.applyAsDouble(stats);
        }).description("Messages in the queue by state").tag("queue", queue).tag("state", state).register(registry);
    }
}
