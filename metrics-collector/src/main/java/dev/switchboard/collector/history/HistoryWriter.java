package dev.switchboard.collector.history;

import dev.switchboard.collector.poll.PollListener;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.state.StatusChange;
import dev.switchboard.collector.state.StatusChangeListener;
import dev.switchboard.collector.target.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hands poll results to the store in batches, off the poll threads. The buffer is bounded: if the disk falls
 * behind, the oldest unwritten samples are dropped (and counted) rather than memory growing.
 */
public class HistoryWriter implements PollListener, StatusChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    private static final int BATCH = 5_000;

    private final HistoryStore store;
    private final BlockingQueue<Sample> buffer;
    private final Counter dropped;
    private @Nullable ScheduledExecutorService flusher;

    public HistoryWriter(HistoryStore store, int capacity, MeterRegistry meters) {
        this.store = store;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("collector.history.samples.dropped")
                .description("Samples not written because the history buffer was full").register(meters);
    }

    @Override
    public void polled(Target target, Sample sample) {
        while (!buffer.offer(sample)) {
            if (buffer.poll() != null) {
                dropped.increment();
            }
        }
    }

    @Override
    public void statusChanged(StatusChange change) {
        try {
            store.recordChange(change);
        } catch (RuntimeException e) {
            log.error("Could not record status change of {}/{}", change.service(), change.instance(), e);
        }
    }

    /** Writes everything buffered so far. */
    public void flush() {
        List<Sample> batch = new ArrayList<>();
        while (buffer.drainTo(batch, BATCH) > 0) {
            try {
                store.append(batch);
            } catch (RuntimeException e) {
                log.error("Could not write {} samples to the history", batch.size(), e);
            }
            batch.clear();
        }
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "history-writer");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flusher = null;
            flush();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return flusher != null;
    }

    /** Stops after the poller (default phase) so that the last results are written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
