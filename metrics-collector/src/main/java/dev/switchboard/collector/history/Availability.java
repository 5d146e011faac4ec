package dev.switchboard.collector.history;

import org.jspecify.annotations.Nullable;

/**
 * Polls and UP polls of a service over a window.
 *
 * @param polls polls counted (UNKNOWN ones excluded)
 * @param up polls that found it UP
 */
public record Availability(long polls, long up) {

    /** Percentage of polls that found it UP, {@code null} without polls. */
    public @Nullable Double percent() {
        return polls == 0 ? null : 100.0 * up / polls;
    }

    Availability plus(long morePolls, long moreUp) {
        return new Availability(polls + morePolls, up + moreUp);
    }
}
