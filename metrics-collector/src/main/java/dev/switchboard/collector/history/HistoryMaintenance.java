package dev.switchboard.collector.history;

import dev.switchboard.collector.support.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rolls raw samples into one-minute aggregates every 30 s and trims old history every retention interval. */
public class HistoryMaintenance extends BackgroundTasks {

    private static final Logger log = LoggerFactory.getLogger(HistoryMaintenance.class);
    private static final Duration AGGREGATE_EVERY = Duration.ofSeconds(30);

    private final HistoryStore store;
    private final Clock clock;
    private final Duration grace;
    private final Duration rawRetention;
    private final Duration aggregateRetention;
    private final Duration retentionInterval;

    public HistoryMaintenance(HistoryStore store, Clock clock, Duration grace, Duration rawRetention,
                              Duration aggregateRetention, Duration retentionInterval) {
        super("history-maintenance");
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
    protected void schedule(ScheduledExecutorService scheduler) {
        every(scheduler, AGGREGATE_EVERY, AGGREGATE_EVERY, this::aggregate);
        every(scheduler, Duration.ZERO, retentionInterval, this::trim);
    }
}
