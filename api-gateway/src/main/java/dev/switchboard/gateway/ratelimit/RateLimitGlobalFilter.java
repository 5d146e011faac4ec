package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.observe.RouteMeters;
import dev.switchboard.gateway.web.GatewayProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Charges every routed request to its client's token bucket for that route. Refused requests get 429 problem+json
 * with {@code Retry-After}; every answer carries {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}. It runs
 * before the circuit breaker, so refusals never count as backend failures.
 */
class RateLimitGlobalFilter implements GlobalFilter, Ordered {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /**
     * Before the route filters (the breaker and the route timeout are ordered 1, 2, … by their position), and before
     * the response cache and the retry of a broken response (just before Spring Cloud Gateway's response writer, -1),
     * so that a retried request is charged once.
     */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 3;

    private final RateLimitProperties properties;
    private final ClientKeyResolver keys;
    private final TokenBuckets buckets;
    private final RouteMeters meters;

    RateLimitGlobalFilter(RateLimitProperties properties, ClientKeyResolver keys, TokenBuckets buckets, RouteMeters meters) {
        this.properties = properties;
        this.keys = keys;
        this.buckets = buckets;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String routeId = route.getId();
        return buckets.tryConsume(routeId, keys.resolve(exchange), properties.limitOf(routeId)).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(LIMIT_HEADER, Long.toString(decision.limit()));
            headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            meters.rateLimited(routeId);
            return Mono.error(new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Rate limit of route '" + routeId + "' exceeded: " + decision.limit() + " requests burst, "
                            + properties.limitOf(routeId).replenishRate() + " per second sustained")
                    .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                    .withHeader(LIMIT_HEADER, Long.toString(decision.limit()))
                    .withHeader(REMAINING_HEADER, "0")
                    .withProperty("route", routeId));
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
