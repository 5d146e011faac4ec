package dev.switchboard.collector.history;

import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Nearest-rank percentiles of a sorted list of response times (ms): p95 is the smallest value that at least
 * 95% of the values do not exceed. All {@code null} when there are no values.
 *
 * @param count how many values
 * @param average mean
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest
 */
public record Percentiles(int count, @Nullable Double average, @Nullable Double p50, @Nullable Double p95,
                          @Nullable Double p99, @Nullable Long max) {

    public static Percentiles of(long[] sorted) {
        if (sorted.length == 0) {
            return new Percentiles(0, null, null, null, null, null);
        }
        long sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Percentiles(sorted.length, (double) sum / sorted.length, rank(sorted, 0.50), rank(sorted, 0.95),
                rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The same figures from a histogram: each distinct value and how often it occurred, in ascending order. */
    public static Percentiles ofHistogram(SortedMap<Long, Long> counts) {
        long total = 0;
        long sum = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            total += entry.getValue();
            sum += entry.getKey() * entry.getValue();
        }
        if (total == 0) {
            return new Percentiles(0, null, null, null, null, null);
        }
        return new Percentiles((int) total, (double) sum / total, rank(counts, total, 0.50),
                rank(counts, total, 0.95), rank(counts, total, 0.99), counts.lastKey());
    }

    private static double rank(SortedMap<Long, Long> counts, long total, double quantile) {
        long wanted = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= wanted) {
                return entry.getKey();
            }
        }
        return counts.lastKey();
    }

    static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
