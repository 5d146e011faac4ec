package dev.switchboard.collector.poll;

import dev.switchboard.collector.config.CollectorProperties;
import dev.switchboard.collector.target.Target;
import dev.switchboard.collector.target.Targets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a poll round every interval. Each target is polled on a bounded worker pool; a target whose previous
 * poll has not finished is skipped this round (so a slow target never piles up work or delays the others),
 * and a dead target is backed off by its circuit breaker ({@link TargetBreakers}).
 */
public class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final Targets targets;
    private final HealthProbe probe;
    private final ActuatorReader actuatorReader;
    private final List<PollListener> listeners;
    private final CollectorProperties properties;
    private final TargetBreakers breakers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private @Nullable ScheduledExecutorService ticker;
    private @Nullable ThreadPoolExecutor workers;

    public Poller(Targets targets, HealthProbe probe, ActuatorReader actuatorReader, List<PollListener> listeners,
                  TargetBreakers breakers, CollectorProperties properties) {
        this.targets = targets;
        this.probe = probe;
        this.actuatorReader = actuatorReader;
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.breakers = breakers;
    }

    @Override
    public synchronized void start() {
        AtomicInteger workerNumber = new AtomicInteger();
        // Work queued is bounded by the number of targets: a target is never queued twice (see inFlight).
        workers = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> daemon(runnable, "poll-" + workerNumber.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "poll-ticker"));
        ticker.scheduleAtFixedRate(this::safeRound, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Polling every {} with {} workers, timeout {}", properties.interval(), properties.concurrency(),
                properties.timeout());
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            // A failing round must not cancel the schedule.
            log.error("Poll round failed", e);
        }
    }

    private void round() {
        ThreadPoolExecutor pool = workers;
        if (pool == null) {
            return;
        }
        List<Target> current = targets.current();
        for (PollListener listener : listeners) {
            listener.targetsChanged(current);
        }
        List<String> keys = current.stream().map(Target::key).toList();
        breakers.retainOnly(keys);
        actuatorReader.retainOnly(keys);
        for (Target target : current) {
            String key = target.key();
            // Skip a target still being polled (slow) before asking its breaker, so no permit is left unused.
            if (inFlight.add(key)) {
                if (breakers.tryAcquire(key)) {
                    pool.execute(() -> pollOne(target));
                } else {
                    inFlight.remove(key);
                }
            }
        }
    }

    private void pollOne(Target target) {
        try {
            Sample sample = probe.probe(target);
            breakers.record(target.key(), sample);
            if (sample.status() != HealthStatus.DOWN) {
                sample = sample.withFigures(actuatorReader.read(target));
            }
            for (PollListener listener : listeners) {
                listener.polled(target, sample);
            }
        } catch (RuntimeException e) {
            log.error("Polling {} failed", target.key(), e);
        } finally {
            inFlight.remove(target.key());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
