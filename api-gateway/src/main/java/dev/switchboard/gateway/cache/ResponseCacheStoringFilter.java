package dev.switchboard.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * The first half of the response cache, for GETs on the configured routes and paths: marks the response
 * {@code X-Cache: MISS} unless it is replayed, and keeps the backend's response when it may be kept, copying the
 * body while it streams to the client. The lookup itself is {@link ResponseCacheLookupFilter}'s, later in the chain.
 *
 * <p>Ordered before {@link NettyWriteResponseFilter}: the response decorated here is the one the gateway writes the
 * backend's answer to. It also comes before the retry of a response that broke before reaching the client (ordered
 * right before the writing filter), so the body it keeps is the one the client got.
 */
final class ResponseCacheStoringFilter implements GlobalFilter, Ordered {

    static final String X_CACHE = "X-Cache";
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 2;

    /** Headers that describe one connection or one client, never a replayable response. */
    private static final Set<String> NOT_REPLAYED = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authenticate", "proxy-connection", "set-cookie", "age", "x-cache");

    private final ResponseCachePolicy policy;
    private final Cache<ResponseCacheKey, CachedResponse> cache;
    private final ResponseCacheMetrics metrics;
    private final Clock clock;

    ResponseCacheStoringFilter(ResponseCachePolicy policy, Cache<ResponseCacheKey, CachedResponse> cache,
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
        exchange.getAttributes().put(CacheLookup.ATTRIBUTE, new CacheLookup(key, client.noCache()));
        return chain.filter(exchange.mutate().response(new StoringResponse(exchange, key)).build());
    }

    private static void markMiss(ServerHttpResponse response) {
        response.beforeCommit(() -> {
            if (!response.getHeaders().containsHeader(X_CACHE)) {
                response.getHeaders().set(X_CACHE, "MISS");
            }
            return Mono.empty();
        });
    }

    /** Passes the body through unchanged while copying it, and stores it once complete. */
    private final class StoringResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final ResponseCacheKey key;

        StoringResponse(ServerWebExchange exchange, ResponseCacheKey key) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (exchange.getAttributes().containsKey(CacheLookup.REPLAYED_ATTRIBUTE)) {
                return super.writeWith(body);
            }
            HttpStatusCode status = getStatusCode();
            HttpHeaders headers = getHeaders();
            Optional<Duration> ttl = policy.storableFor(status != null ? HttpStatus.resolve(status.value()) : null, headers);
            if (status == null || ttl.isEmpty() || headers.getContentLength() > policy.maxEntryBytes()) {
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
                copy.put(name, List.copyOf(values));
            }
        });
        return copy;
    }
}
