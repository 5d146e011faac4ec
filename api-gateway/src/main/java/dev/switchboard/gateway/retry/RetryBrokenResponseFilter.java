package dev.switchboard.gateway.retry;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Retries an idempotent request on another instance when the backend's response breaks after its headers, before any
 * of it reached the client: the instance died between writing its headers and its body, or sent a body that cannot be
 * read. {@link RetryOnOtherInstanceFilter} has let such an attempt pass (it decides on the headers), but the gateway
 * commits its own response only with the first body bytes, so the request can still go elsewhere.
 * <p>
 * Ordered just outside {@link NettyWriteResponseFilter}, which streams the body after all route filters have
 * finished, it runs the route again from there: the route's breaker, timeout and load balancer apply to the new
 * attempt; the rate limit, earlier in the chain, does not charge it again.
 */
class RetryBrokenResponseFilter implements GlobalFilter, Ordered {

    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private final RetryBudget budget;

    RetryBrokenResponseFilter(RetryBudget budget) {
        this.budget = budget;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!budget.covers(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(error -> {
            // Only a response that had started (its connection is still on the exchange): failures before the headers
            // were RetryOnOtherInstanceFilter's to retry, and its verdict stands.
            boolean responseStarted = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR) != null;
            if (!responseStarted || exchange.getResponse().isCommitted() || !FailedAttempts.isRetryable(error)
                    || !budget.hasLeft(exchange)) {
                return Mono.error(error);
            }
            budget.spend(exchange);
            FailedAttempts.discard(exchange);
            return filter(exchange, chain);
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
