package dev.switchboard.collector.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Rolls raw samples into one-minute aggregates every minute and trims old history every retention interval. */
public class HistoryMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryMaintenance.class);
    private static final Duration AGGREGATE_EVERY = Duration.ofSeconds(30);

    private final HistoryStore store;
    private final Clock clock;
    private final Duration grace;
    private final Duration rawRetention;
    private final Duration aggregateRetention;
    private final Duration retentionInterval;
    private @Nullable ScheduledExecutorService scheduler;

    public HistoryMaintenance(HistoryStore store, Clock clock, Duration grace, Duration rawRetention,
                              Duration aggregateRetention, Duration retentionInterval) {
        this.store = store;
        this.clock = clock;
        this.grace = grace;
        this.rawRetention = rawRetention;
        this.aggregateRetention = aggregateRetention;
        this.retentionInterval = retentionInterval;
    }

    /** One pass: aggregate complete minutes, then trim. */
    public void runOnce() {
        Instant now = clock.instant();
        int minutes = store.aggregate(now, grace);
        int deleted = store.trim(now, rawRetention, aggregateRetention);
        if (deleted > 0) {
            log.info("History: {} minutes aggregated, {} rows past retention deleted", minutes, deleted);
        }
    }

    private void aggregate() {
        try {
            store.aggregate(clock.instant(), grace);
        } catch (RuntimeException e) {
            log.error("Aggregating history failed", e);
        }
    }

    private void trim() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Trimming history failed", e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "history-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::aggregate, AGGREGATE_EVERY.toMillis(), AGGREGATE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::trim, 0, retentionInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
