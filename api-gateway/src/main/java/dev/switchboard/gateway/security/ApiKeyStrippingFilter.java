package dev.switchboard.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes {@code X-API-Key} from the request just before it is proxied: backends never receive gateway keys, while
 * the gateway's own filters before this point still see the header.
 */
final class ApiKeyStrippingFilter implements GlobalFilter, Ordered {

    static final int ORDER = NettyRoutingFilter.ORDER - 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsHeader(EdgeHeaders.API_KEY)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.remove(EdgeHeaders.API_KEY)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
