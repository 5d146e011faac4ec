package dev.switchboard.samples.analytics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The analyses the analytics-api stand-in serves, as pure functions over {@code double[]}. Definitions follow R's
 * defaults, since the real backend is an R service: sample standard deviation ({@code sd}, n − 1), quantiles of
 * type 7 ({@code quantile}), Sturges' rule for the number of histogram bins ({@code hist}).
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * Count, mean, median, sample standard deviation and the given quantiles of non-empty {@code values}.
     * The standard deviation and variance are {@code null} for a single value, as R's {@code sd} gives NA.
     */
    public static Summary summary(double[] values, List<Double> probabilities) {
        requireNonEmpty(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = mean(values);
        Double variance = values.length < 2 ? null : sumOfSquaredDeviations(values, mean) / (values.length - 1);
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (double p : probabilities) {
            quantiles.put(label(p), quantile(sorted, p));
        }
        return new Summary(values.length, mean, quantile(sorted, 0.5), variance == null ? null : Math.sqrt(variance),
                variance, sorted[0], sorted[sorted.length - 1], Arrays.stream(values).sum(), quantiles);
    }

    /** Type-7 quantile (R's default, also NumPy's) of already sorted values: linear between order statistics. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }

    /** Pearson's product-moment correlation of paired values. */
    public static double pearson(double[] x, double[] y) {
        requirePaired(x, y);
        double meanX = mean(x);
        double meanY = mean(y);
        double covariance = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
        }
        double spreadX = sumOfSquaredDeviations(x, meanX);
        double spreadY = sumOfSquaredDeviations(y, meanY);
        if (spreadX == 0 || spreadY == 0) {
            throw new IllegalArgumentException("correlation is undefined when " + (spreadX == 0 ? "x" : "y")
                    + " has no variance (all values equal)");
        }
        return clamp(covariance / Math.sqrt(spreadX * spreadY));
    }

    /** Spearman's rank correlation: Pearson's over ranks, ties sharing their average rank. */
    public static double spearman(double[] x, double[] y) {
        requirePaired(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * Counts of values in {@code bins} equal-width bins spanning min to max; each bin holds {@code lower <= v < upper}
     * except the last, which also holds the maximum. With {@code bins} null, Sturges' rule picks the count.
     */
    public static List<Bin> histogram(double[] values, @Nullable Integer bins) {
        requireNonEmpty(values);
        int count = bins != null ? bins : sturges(values.length);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        if (min == max) {
            // One value repeated: a unit-wide bin around it is the only honest picture.
            min -= 0.5;
            max += 0.5;
        }
        double width = (max - min) / count;
        long[] counts = new long[count];
        for (double value : values) {
            int index = (int) Math.floor((value - min) / width);
            counts[Math.max(0, Math.min(count - 1, index))]++;
        }
        Bin[] result = new Bin[count];
        for (int i = 0; i < count; i++) {
            double upper = i == count - 1 ? max : min + (i + 1) * width;
            result[i] = new Bin(min + i * width, upper, counts[i]);
        }
        return List.of(result);
    }

    static int sturges(int n) {
        return (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = averageRank;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double mean(double[] values) {
        // Two-pass mean (sum, then correction) keeps precision when values are large and close together.
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double correction = 0;
        for (double value : values) {
            correction += value - mean;
        }
        return mean + correction / values.length;
    }

    private static double sumOfSquaredDeviations(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }

    private static double clamp(double correlation) {
        return Math.max(-1, Math.min(1, correlation));
    }

    private static String label(double p) {
        return String.valueOf(p);
    }

    private static void requireNonEmpty(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one value is needed");
        }
    }

    private static void requirePaired(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, had " + x.length + " and " + y.length);
        }
        if (x.length < 3) {
            throw new IllegalArgumentException("correlation needs at least 3 pairs, had " + x.length);
        }
    }

    /** Body of {@code GET /api/v1/analyze/summary}; quantiles are keyed by probability ("0.25"). */
    public record Summary(int n, double mean, double median, @Nullable Double stddev, @Nullable Double variance,
            double min, double max, double sum, Map<String, Double> quantiles) {
    }

    /** One histogram bin: values {@code lower <= v < upper} (the last bin includes its upper edge). */
    public record Bin(double lower, double upper, long count) {
    }
}
