package dev.switchboard.collector.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls a dead target less and less often: after {@code failureThreshold} failed polls in a row the pause
 * doubles with each further failure, up to {@code maxDelay}; one successful poll resets it.
 */
final class Backoff {

    private record State(int failures, Instant nextPoll) {
    }

    private final Duration interval;
    private final int failureThreshold;
    private final Duration maxDelay;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    Backoff(Duration interval, int failureThreshold, Duration maxDelay) {
        this.interval = interval;
        this.failureThreshold = failureThreshold;
        this.maxDelay = maxDelay;
    }

    boolean due(String key, Instant now) {
        State state = states.get(key);
        return state == null || !now.isBefore(state.nextPoll());
    }

    void succeeded(String key) {
        states.remove(key);
    }

    void failed(String key, Instant now) {
        states.compute(key, (k, state) -> {
            int failures = state == null ? 1 : state.failures() + 1;
            return new State(failures, now.plus(delayAfter(failures)));
        });
    }

    /** The pause before the next poll after {@code failures} failures in a row; zero means the next round. */
    Duration delayAfter(int failures) {
        if (failures < failureThreshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - failureThreshold + 1, 20);
        Duration delay = interval.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    void retainOnly(Collection<String> keys) {
        states.keySet().retainAll(keys);
    }
}
