package dev.switchboard.gateway.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's request meters, per route: one latency timer with p50/p95/p99 and a Prometheus histogram, one
 * counter per status class, and a counter of requests refused by the rate limiter. The statistics endpoint reads
 * these same meters; nothing else counts requests. Meters are cached per route so the hot path does no registry
 * look-up.
 */
public class RouteMeters {

    public static final String REQUESTS = "switchboard.gateway.requests";
    public static final String RESPONSES = "switchboard.gateway.responses";
    public static final String RATE_LIMITED = "switchboard.gateway.rate.limited";
    public static final String ROUTE_TAG = "route";
    public static final String STATUS_CLASS_TAG = "status.class";
    /** Route tag of requests no route matched (the gateway's own endpoints, unknown paths). */
    public static final String NO_ROUTE = "none";
    public static final String[] STATUS_CLASSES = { "1xx", "2xx", "3xx", "4xx", "5xx" };

    private final MeterRegistry registry;
    private final Map<String, RouteMeterSet> byRoute = new ConcurrentHashMap<>();

    public RouteMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished request of {@code routeId} (or {@link #NO_ROUTE}). */
    public void record(String routeId, int status, long nanos) {
        RouteMeterSet meters = metersOf(routeId);
        meters.latency.record(nanos, TimeUnit.NANOSECONDS);
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            meters.byStatusClass[statusClass - 1].increment();
        }
    }

    /** Counts one request of {@code routeId} refused by the rate limiter. */
    public void rateLimited(String routeId) {
        metersOf(routeId).rateLimited.increment();
    }

    /** The meters of a route, registered on first use. */
    public RouteMeterSet metersOf(String routeId) {
        return byRoute.computeIfAbsent(routeId, this::register);
    }

    private RouteMeterSet register(String routeId) {
        Timer latency = Timer.builder(REQUESTS)
                .description("Requests served by the gateway, by route")
                .tag(ROUTE_TAG, routeId)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Counter[] byStatusClass = new Counter[STATUS_CLASSES.length];
        for (int i = 0; i < STATUS_CLASSES.length; i++) {
            byStatusClass[i] = Counter.builder(RESPONSES).description("Responses by route and status class")
                    .tag(ROUTE_TAG, routeId).tag(STATUS_CLASS_TAG, STATUS_CLASSES[i]).register(registry);
        }
        Counter rateLimited = Counter.builder(RATE_LIMITED).description("Requests refused by the rate limiter")
                .tag(ROUTE_TAG, routeId).register(registry);
        return new RouteMeterSet(latency, byStatusClass, rateLimited);
    }

    /** The meters of one route. */
    public record RouteMeterSet(Timer latency, Counter[] byStatusClass, Counter rateLimited) {
    }
}
