package dev.switchboard.gateway.retry;

import java.net.URI;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Retries an idempotent request on another instance when its attempt cannot connect, loses its connection, or gets a
 * retryable status (502/503). It sits between the request URL resolution and the load balancer, so each attempt picks
 * an instance again (and {@code AvoidPreviousAttemptSupplier} keeps it off the failed one), and it decides on the
 * status before the response body is written, so nothing has reached the client yet. A response whose body then breaks
 * is {@link RetryBrokenResponseFilter}'s; both spend one {@link RetryBudget}.
 * <p>
 * It replaces Spring Cloud Gateway's {@code Retry} filter, which caches every request body of the route and builds a
 * retry and a repeat pipeline per request: on the benchmark that filter alone cut throughput by more than half.
 */
class RetryOnOtherInstanceFilter implements GlobalFilter, Ordered {

    /** After {@link RouteToRequestUrlFilter} has set the {@code lb://} URL, before the load balancer resolves it. */
    static final int ORDER = (RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER
            + ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER) / 2;

    private final RetryBudget budget;
    private final Set<Integer> statuses;

    RetryOnOtherInstanceFilter(RetryBudget budget, RetryProperties properties) {
        this.budget = budget;
        this.statuses = Set.copyOf(properties.statuses());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI requestUrl = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (requestUrl == null) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, requestUrl);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, URI requestUrl) {
        if (!budget.hasLeft(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .then(Mono.fromSupplier(() -> hasRetryableStatus(exchange)))
                .onErrorResume(error -> FailedAttempts.isRetryable(error) && !exchange.getResponse().isCommitted()
                        ? Mono.just(true) : Mono.error(error))
                .flatMap(again -> again ? retry(exchange, chain, requestUrl) : Mono.empty());
    }

    private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, URI requestUrl) {
        budget.spend(exchange);
        FailedAttempts.discard(exchange);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, requestUrl);
        return attempt(exchange, chain, requestUrl);
    }

    private boolean hasRetryableStatus(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && statuses.contains(status.value()) && !exchange.getResponse().isCommitted();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
