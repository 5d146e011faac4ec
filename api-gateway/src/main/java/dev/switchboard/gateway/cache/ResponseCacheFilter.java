package dev.switchboard.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers GETs on the configured routes and paths from memory while the stored response is fresh, and keeps
 * backend responses that may be kept. Every covered response carries {@code X-Cache: HIT} or {@code MISS}.
 * A client's {@code Cache-Control: no-cache} skips the lookup (the fresh answer replaces the stored one);
 * {@code no-store} skips the cache both ways.
 *
 * <p>Ordered just before {@link NettyWriteResponseFilter}, so the response it decorates is the one the gateway
 * writes; the lookup therefore happens after the route's own filters with a lower order and before the ones with
 * a higher order (load balancing, the proxy call).
 */
final class ResponseCacheFilter implements GlobalFilter, Ordered {

    static final String X_CACHE = "X-Cache";
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    /** Headers that describe one connection or one client, never a replayable response. */
    private static final Set<String> NOT_REPLAYED = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-connection", "set-cookie", "age", "x-cache");

    private final ResponseCachePolicy policy;
    private final Cache<ResponseCacheKey, CachedResponse> cache;
    private final ResponseCacheMetrics metrics;
    private final Clock clock;

    ResponseCacheFilter(ResponseCachePolicy policy, Cache<ResponseCacheKey, CachedResponse> cache,
            ResponseCacheMetrics metrics, Clock clock) {
        this.policy = policy;
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
        if (!policy.covers(exchange)) {
            return chain.filter(exchange);
        }
        CacheDirectives client = policy.clientDirectives(exchange.getRequest());
        markMiss(exchange.getResponse());
        if (client.noStore()) {
            metrics.bypass();
            return chain.filter(exchange);
        }
        ResponseCacheKey key = policy.keyOf(exchange);
        if (client.noCache()) {
            metrics.bypass();
        }
        else {
            CachedResponse stored = cache.getIfPresent(key);
            if (stored != null) {
                metrics.hit();
                return replay(exchange.getResponse(), stored);
            }
            metrics.miss();
        }
        return chain.filter(exchange.mutate().response(new StoringResponse(exchange.getResponse(), key)).build());
    }

    private static void markMiss(ServerHttpResponse response) {
        response.beforeCommit(() -> {
            if (!response.getHeaders().containsHeader(X_CACHE)) {
                response.getHeaders().set(X_CACHE, "MISS");
            }
            return Mono.empty();
        });
    }

    private Mono<Void> replay(ServerHttpResponse response, CachedResponse stored) {
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        stored.headers().forEach(headers::put);
        long age = Math.max(0, Duration.between(stored.storedAt(), clock.instant()).toSeconds());
        headers.set(HttpHeaders.AGE, Long.toString(age));
        headers.set(X_CACHE, "HIT");
        headers.setContentLength(stored.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    /** Passes the backend's body through unchanged while copying it, and stores it once complete. */
    private final class StoringResponse extends ServerHttpResponseDecorator {

        private final ResponseCacheKey key;

        StoringResponse(ServerHttpResponse delegate, ResponseCacheKey key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            HttpHeaders headers = getHeaders();
            Optional<Duration> ttl = policy.storableFor(status != null ? HttpStatus.resolve(status.value()) : null, headers);
            if (ttl.isEmpty() || headers.getContentLength() > policy.maxEntryBytes()) {
                return super.writeWith(body);
            }
            BodyCopy copy = new BodyCopy(policy.maxEntryBytes());
            Flux<? extends DataBuffer> copied = Flux.from(body)
                    .doOnNext(copy::append)
                    .doOnComplete(() -> copy.bytes().ifPresent(bytes -> cache.put(key,
                            new CachedResponse(status.value(), replayable(headers), bytes, clock.instant(), ttl.get()))));
            return super.writeWith(copied);
        }
    }

    private static HttpHeaders replayable(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                copy.put(name, java.util.List.copyOf(values));
            }
        });
        return copy;
    }
}
