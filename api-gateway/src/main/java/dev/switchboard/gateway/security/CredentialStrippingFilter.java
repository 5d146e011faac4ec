package dev.switchboard.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes the gateway's credentials from the request just before it is proxied: {@code X-API-Key} always, and the
 * bearer token when the gateway authenticated the caller with it. Backends learn who called from
 * {@link EdgeHeaders#PRINCIPAL} instead; the gateway's own filters before this point still see the headers. An
 * {@code Authorization} header the gateway did not consume (no JWT configured, or a public route) is the backend's
 * business and goes through.
 */
final class CredentialStrippingFilter implements GlobalFilter, Ordered {

    static final int ORDER = NettyRoutingFilter.ORDER - 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Object principal = exchange.getAttribute(EdgeHeaders.PRINCIPAL_ATTRIBUTE);
        boolean consumedBearer = principal instanceof String name && name.startsWith(PrincipalForwardingFilter.JWT_PREFIX);
        if (!headers.containsHeader(EdgeHeaders.API_KEY) && !consumedBearer) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(mutable -> {
            mutable.remove(EdgeHeaders.API_KEY);
            if (consumedBearer) {
                mutable.remove(HttpHeaders.AUTHORIZATION);
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
