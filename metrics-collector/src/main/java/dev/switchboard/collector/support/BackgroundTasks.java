package dev.switchboard.collector.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * A component whose periodic work runs on one daemon thread of its own, from context start to stop. Its own
 * thread, rather than a shared scheduler, so that a slow pass (a day of history, a large trim) never delays the
 * poller or another component's work.
 */
public abstract class BackgroundTasks implements SmartLifecycle {

    private final String threadName;
    private @Nullable ScheduledExecutorService scheduler;

    protected BackgroundTasks(String threadName) {
        this.threadName = threadName;
    }

    /** Schedules the component's tasks, with {@link #every}; called on each start. */
    protected abstract void schedule(ScheduledExecutorService scheduler);

    /** Runs {@code task} after {@code initialDelay}, then again {@code period} after each run ends. */
    protected static void every(ScheduledExecutorService scheduler, Duration initialDelay, Duration period,
            Runnable task) {
        scheduler.scheduleWithFixedDelay(task, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once on the component's thread, as soon as it is free; does nothing when stopped. */
    protected final synchronized void runSoon(Runnable task) {
        if (scheduler != null) {
            scheduler.execute(task);
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        schedule(started);
        scheduler = started;
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
