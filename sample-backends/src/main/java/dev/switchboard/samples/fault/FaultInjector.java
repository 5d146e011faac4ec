package dev.switchboard.samples.fault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the current fault settings and decides, per request, how long to wait and whether to fail it. */
public final class FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    private final AtomicReference<FaultSettings> settings;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    /**
     * @param random uniform numbers in [0, 1), one per request
     * @param sleeper waits out the injected latency (tests pass one that records instead)
     */
    public FaultInjector(FaultSettings initial, DoubleSupplier random, Sleeper sleeper) {
        this.settings = new AtomicReference<>(initial);
        this.random = random;
        this.sleeper = sleeper;
        if (initial.active()) {
            log.warn("Fault injection active from start-up: {}", initial);
        }
    }

    public FaultSettings current() {
        return settings.get();
    }

    public void update(FaultSettings next) {
        FaultSettings previous = settings.getAndSet(next);
        if (!previous.equals(next)) {
            log.warn("Fault injection changed: {} -> {}", previous, next);
        }
    }

    /**
     * Applies the latency, then decides whether this request fails.
     *
     * @return the status to fail the request with, or 0 to let it through
     */
    public int beforeRequest() throws InterruptedException {
        FaultSettings now = settings.get();
        if (now.latencyMs() > 0) {
            sleeper.sleep(Duration.ofMillis(now.latencyMs()));
        }
        return now.errorRate() > 0 && random.getAsDouble() < now.errorRate() ? now.errorStatus() : 0;
    }

    /** Waits; injected so that tests need not measure wall-clock time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
