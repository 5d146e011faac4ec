package dev.switchboard.queue.core;

import dev.switchboard.queue.metrics.QueueMetrics;
import dev.switchboard.queue.store.QueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Periodic work: deleting what outlived its retention, and refreshing the per-queue gauges. */
@Component
class QueueMaintenance {

    private static final Logger log = LoggerFactory.getLogger(QueueMaintenance.class);

    private final QueueStore store;
    private final QueueMetrics metrics;

    QueueMaintenance(QueueStore store, QueueMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${switchboard.queue.maintenance-interval:30s}", initialDelayString = "${switchboard.queue.maintenance-interval:30s}")
    void removeExpired() {
        int removed = store.removeExpired();
        if (removed > 0) {
            log.info("Removed {} expired messages and idempotency keys", removed);
        }
    }

    @Scheduled(fixedDelayString = "${switchboard.queue.metrics-refresh-interval:5s}")
    void refreshGauges() {
        metrics.refresh(store.allStats());
    }
}
