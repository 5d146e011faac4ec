package dev.switchboard.gateway.stats;

import dev.switchboard.gateway.observe.RouteMeters;
import dev.switchboard.gateway.observe.RouteMeters.RouteMeterSet;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import reactor.core.publisher.Mono;

/**
 * Builds the statistics body from the gateway's meters (the same ones Prometheus scrapes), the breakers' registry
 * and the load balancer's current instance lists.
 */
class GatewayStatsAssembler {

    private final RouteLocator routes;
    private final RouteMeters routeMeters;
    private final MeterRegistry registry;
    private final CircuitBreakerRegistry breakers;
    private final HealthyInstances healthyInstances;

    GatewayStatsAssembler(RouteLocator routes, RouteMeters routeMeters, MeterRegistry registry,
            CircuitBreakerRegistry breakers, HealthyInstances healthyInstances) {
        this.routes = routes;
        this.routeMeters = routeMeters;
        this.registry = registry;
        this.breakers = breakers;
        this.healthyInstances = healthyInstances;
    }

    Mono<GatewayStats> stats() {
        return routes.getRoutes()
                .concatMap(this::routeStats)
                .collectList()
                .map(list -> new GatewayStats(uptimeSeconds(), totals(), list));
    }

    private Mono<GatewayStats.RouteStats> routeStats(Route route) {
        RouteMeterSet meters = routeMeters.metersOf(route.getId());
        Map<String, Long> responses = byStatusClass(meters.byStatusClass());
        Mono<Integer> healthy = "lb".equals(route.getUri().getScheme())
                ? healthyInstances.count(route.getUri().getHost())
                : Mono.empty();
        return healthy.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .map(count -> new GatewayStats.RouteStats(route.getId(), route.getUri().toString(),
                        meters.latency().count(), responses, responses.get("4xx") + responses.get("5xx"),
                        (long) meters.rateLimited().count(), latency(meters.latency()), breakerState(route.getId()),
                        count.orElse(null)));
    }

    private GatewayStats.Totals totals() {
        long requests = 0;
        for (Timer timer : registry.find(RouteMeters.REQUESTS).timers()) {
            requests += timer.count();
        }
        Map<String, Long> responses = new LinkedHashMap<>();
        for (String statusClass : RouteMeters.STATUS_CLASSES) {
            long sum = 0;
            for (Counter counter : registry.find(RouteMeters.RESPONSES).tag(RouteMeters.STATUS_CLASS_TAG, statusClass).counters()) {
                sum += (long) counter.count();
            }
            responses.put(statusClass, sum);
        }
        long rateLimited = 0;
        for (Counter counter : registry.find(RouteMeters.RATE_LIMITED).counters()) {
            rateLimited += (long) counter.count();
        }
        return new GatewayStats.Totals(requests, responses, responses.get("4xx") + responses.get("5xx"), rateLimited);
    }

    private static Map<String, Long> byStatusClass(Counter[] counters) {
        Map<String, Long> responses = new LinkedHashMap<>();
        for (int i = 0; i < counters.length; i++) {
            responses.put(RouteMeters.STATUS_CLASSES[i], (long) counters[i].count());
        }
        return responses;
    }

    private static Map<String, Double> latency(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        Map<String, Double> latency = new LinkedHashMap<>();
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            latency.put("p" + Math.round(percentile.percentile() * 100), round(percentile.value(TimeUnit.MILLISECONDS)));
        }
        latency.put("mean", round(snapshot.mean(TimeUnit.MILLISECONDS)));
        latency.put("max", round(snapshot.max(TimeUnit.MILLISECONDS)));
        return latency;
    }

    private String breakerState(String routeId) {
        return breakers.find(routeId).map(CircuitBreaker::getState).map(Enum::name).orElse("CLOSED");
    }

    private double uptimeSeconds() {
        TimeGauge uptime = registry.find("process.uptime").timeGauge();
        double seconds = uptime != null ? uptime.value(TimeUnit.SECONDS)
                : ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        return round(seconds);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
