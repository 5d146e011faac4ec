package dev.switchboard.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The second half of the response cache: answers a request {@link ResponseCacheStoringFilter} prepared from the
 * cache while its entry is fresh ({@code X-Cache: HIT}, {@code Age}), without calling the backend.
 *
 * <p>Order {@value #ORDER}: after authentication (a WebFilter) and after global filters ordered before it, such as
 * rate limiting (order -1), so that cached answers are charged like any other; before the route's own filters
 * (breaker, retry: orders 1, 2, …), load balancing and the proxy call.
 */
final class ResponseCacheLookupFilter implements GlobalFilter, Ordered {

    static final int ORDER = 0;

    private final Cache<ResponseCacheKey, CachedResponse> cache;
    private final ResponseCacheMetrics metrics;
    private final Clock clock;

    ResponseCacheLookupFilter(Cache<ResponseCacheKey, CachedResponse> cache, ResponseCacheMetrics metrics, Clock clock) {
        this.cache = cache;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        CacheLookup lookup = exchange.getAttribute(CacheLookup.ATTRIBUTE);
        if (lookup == null) {
            return chain.filter(exchange);
        }
        if (lookup.skipLookup()) {
            metrics.bypass();
            return chain.filter(exchange);
        }
        CachedResponse stored = cache.getIfPresent(lookup.key());
        if (stored == null) {
            metrics.miss();
            return chain.filter(exchange);
        }
        metrics.hit();
        exchange.getAttributes().put(CacheLookup.REPLAYED_ATTRIBUTE, Boolean.TRUE);
        return replay(exchange.getResponse(), stored);
    }

    private Mono<Void> replay(ServerHttpResponse response, CachedResponse stored) {
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        stored.headers().forEach(headers::put);
        long age = Math.max(0, Duration.between(stored.storedAt(), clock.instant()).toSeconds());
        headers.set(HttpHeaders.AGE, Long.toString(age));
        headers.set(ResponseCacheStoringFilter.X_CACHE, "HIT");
        headers.setContentLength(stored.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }
}
