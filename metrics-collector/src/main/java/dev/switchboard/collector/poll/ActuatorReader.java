package dev.switchboard.collector.poll;

import dev.switchboard.collector.target.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads request rate, error rate, p95 latency, heap and CPU from a Spring service's {@code /actuator/prometheus}
 * on every n-th poll. Rates and the p95 are computed from the change of counters since the previous reading,
 * so they describe the recent past rather than the whole uptime.
 */
public class ActuatorReader {

    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String BUCKETS = "http_server_requests_seconds_bucket";

    private record Reading(long atNanos, double requests, double errors, TreeMap<Double, Double> buckets) {
    }

    private final HealthProbe probe;
    private final boolean enabled;
    private final int every;
    private final Map<String, Integer> pollsSinceReading = new ConcurrentHashMap<>();
    private final Map<String, Reading> previous = new ConcurrentHashMap<>();

    public ActuatorReader(HealthProbe probe, boolean enabled, int every) {
        this.probe = probe;
        this.enabled = enabled;
        this.every = every;
    }

    /** Figures for this poll, or {@code null} when it is not this poll's turn or the target exports none. */
    public @Nullable ActuatorFigures read(Target target) {
        if (!enabled || target.origin() != Target.Origin.DISCOVERY) {
            return null;
        }
        int count = pollsSinceReading.merge(target.key(), 1, Integer::sum);
        if (count < every && previous.containsKey(target.key())) {
            return null;
        }
        pollsSinceReading.put(target.key(), 0);
        URI url = target.baseUrl().resolve("/actuator/prometheus");
        return probe.fetchText(url).map(text -> figures(target.key(), PrometheusText.parse(text), System.nanoTime()))
                .orElse(null);
    }

    ActuatorFigures figures(String key, PrometheusText text, long nowNanos) {
        double requests = orZero(text.sum(REQUESTS, line -> true));
        double errors = orZero(text.sum(REQUESTS, line -> line.labels().getOrDefault("status", "").startsWith("5")));
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (PrometheusText.Line line : text.series(BUCKETS)) {
            String le = line.labels().get("le");
            if (le != null) {
                buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), line.value(),
                        Double::sum);
            }
        }
        Reading now = new Reading(nowNanos, requests, errors, buckets);
        Reading before = previous.put(key, now);
        Double requestRate = null;
        Double errorRate = null;
        Double p95 = null;
        if (before != null && nowNanos > before.atNanos() && requests >= before.requests()) {
            double seconds = Duration.ofNanos(nowNanos - before.atNanos()).toNanos() / 1e9;
            double newRequests = requests - before.requests();
            requestRate = newRequests / seconds;
            errorRate = newRequests > 0 ? (errors - before.errors()) / newRequests : 0.0;
            p95 = percentileMillis(delta(buckets, before.buckets()), 0.95);
        } else {
            p95 = percentileMillis(buckets, 0.95);
        }
        if (p95 == null) {
            p95 = publishedPercentile(text);
        }
        Double heap = text.sum("jvm_memory_used_bytes", line -> "heap".equals(line.labels().get("area")));
        Double cpu = text.sum("process_cpu_usage", line -> true);
        return new ActuatorFigures(requestRate, errorRate, p95, heap == null ? null : heap.longValue(), cpu);
    }

    public void retainOnly(Collection<String> keys) {
        previous.keySet().retainAll(keys);
        pollsSinceReading.keySet().retainAll(keys);
    }

    private static TreeMap<Double, Double> delta(TreeMap<Double, Double> now, TreeMap<Double, Double> before) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        now.forEach((le, count) -> delta.put(le, count - before.getOrDefault(le, 0.0)));
        return delta;
    }

    /** Upper bound of the first cumulative bucket holding the quantile, in milliseconds. */
    static @Nullable Double percentileMillis(TreeMap<Double, Double> cumulative, double quantile) {
        if (cumulative.isEmpty()) {
            return null;
        }
        double total = cumulative.lastEntry().getValue();
        if (total <= 0) {
            return null;
        }
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= quantile * total) {
                return bucket.getKey().isInfinite() ? null : bucket.getKey() * 1000;
            }
        }
        return null;
    }

    private static @Nullable Double publishedPercentile(PrometheusText text) {
        Double worst = null;
        for (PrometheusText.Line line : text.series("http_server_requests_seconds")) {
            if ("0.95".equals(line.labels().get("quantile")) && !Double.isNaN(line.value())) {
                worst = worst == null ? line.value() : Math.max(worst, line.value());
            }
        }
        return worst == null ? null : worst * 1000;
    }

    private static double orZero(@Nullable Double value) {
        return value == null ? 0 : value;
    }
}
