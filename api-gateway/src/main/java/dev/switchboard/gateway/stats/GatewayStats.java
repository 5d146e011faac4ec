package dev.switchboard.gateway.stats;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code GET /api/v1/gateway/stats}.
 *
 * @param uptimeSeconds seconds since the gateway's JVM started
 * @param totals counts over every request, routed or not
 * @param routes one entry per configured route
 */
public record GatewayStats(double uptimeSeconds, Totals totals, List<RouteStats> routes) {

    /** Counts over every request; {@code responses} is keyed by status class ({@code 2xx} …). */
    public record Totals(long requests, Map<String, Long> responses, long errors, long rateLimited) {
    }

    /**
     * What happened on one route.
     *
     * @param errors 4xx plus 5xx responses
     * @param latencyMs p50/p95/p99 over the last two minutes, and mean and max since start
     * @param circuitBreaker the state of the route's breaker ({@code CLOSED} before its first call)
     * @param healthyInstances instances in rotation now, {@code null} for a route that is not load balanced
     */
    public record RouteStats(String id, String uri, long requests, Map<String, Long> responses, long errors,
            long rateLimited, Map<String, Double> latencyMs, String circuitBreaker, @Nullable Integer healthyInstances) {
    }
}
