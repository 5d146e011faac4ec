package dev.switchboard.collector.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a service's history, over all its instances.
 *
 * @param at start of the step
 * @param polls polls in the step
 * @param up polls that found an instance UP
 * @param availability {@code up / polls}
 * @param avgMillis mean response time of the answered polls
 * @param p95Millis 95th percentile response time of the answered polls; from one-minute aggregates it is the
 *                  largest per-minute p95 in the step, an upper bound
 * @param maxMillis slowest answered poll
 */
public record SeriesPoint(Instant at, long polls, long up, double availability, @Nullable Double avgMillis,
                          @Nullable Double p95Millis, @Nullable Long maxMillis) {
}
