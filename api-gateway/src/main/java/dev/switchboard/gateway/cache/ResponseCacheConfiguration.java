package dev.switchboard.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's response cache: a Caffeine cache bounded by bytes, each entry expiring after its own TTL.
 * Spring Cloud Gateway's LocalResponseCache was not used: in 5.0.4 (Cloud 2025.1.4) it stores responses whose
 * combined {@code Cache-Control} holds {@code private}/{@code no-store} (CVE-2026-59427), answers a client's
 * {@code no-cache} with a bodiless 304, and has neither caller-aware keys nor hit/miss metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseCacheProperties.class)
@ConditionalOnProperty(name = "switchboard.gateway.cache.enabled", matchIfMissing = true)
class ResponseCacheConfiguration {

    static final String CACHE_NAME = "gateway.responses";

    @Bean
    ResponseCacheStoringFilter responseCacheStoringFilter(ResponseCacheProperties properties,
            ResponseCacheParts parts) {
        return new ResponseCacheStoringFilter(new ResponseCachePolicy(properties), parts.cache(), parts.metrics(),
                parts.clock());
    }

    @Bean
    ResponseCacheLookupFilter responseCacheLookupFilter(ResponseCacheParts parts) {
        return new ResponseCacheLookupFilter(parts.cache(), parts.metrics(), parts.clock());
    }

    @Bean
    ResponseCacheParts responseCacheParts(ResponseCacheProperties properties, MeterRegistry registry,
            ObjectProvider<Clock> clock) {
        return new ResponseCacheParts(responseCache(properties, registry), new ResponseCacheMetrics(registry),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** What both halves of the cache share. */
    record ResponseCacheParts(Cache<ResponseCacheKey, CachedResponse> cache, ResponseCacheMetrics metrics, Clock clock) {
    }

    private static Cache<ResponseCacheKey, CachedResponse> responseCache(ResponseCacheProperties properties,
            MeterRegistry registry) {
        Cache<ResponseCacheKey, CachedResponse> cache = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((ResponseCacheKey key, CachedResponse response) -> response.weight())
                .expireAfter(Expiry.writing((ResponseCacheKey key, CachedResponse response) -> response.ttl()))
                .recordStats()
                .executor(Runnable::run) // maintenance on the calling thread, as for the rate-limit buckets
                .build();
        // cache.gets{cache=gateway.responses,result=hit|miss}, cache.size, cache.evictions, ...
        CaffeineCacheMetrics.monitor(registry, cache, CACHE_NAME);
        return cache;
    }
}
