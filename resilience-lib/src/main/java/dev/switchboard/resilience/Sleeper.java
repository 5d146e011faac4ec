package dev.switchboard.resilience;

import java.time.Duration;

/**
 * Waits between retry attempts. Injected so that tests observe the backoff without waiting for it.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real one: blocks the calling thread. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
