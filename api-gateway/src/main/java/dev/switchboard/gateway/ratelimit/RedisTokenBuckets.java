package dev.switchboard.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, through Spring Cloud Gateway's {@link RedisRateLimiter} (an atomic Lua token-bucket script), so
 * that every gateway replica on the same Redis draws from one budget per client. The limiter's per-route
 * configuration is filled from our limits on first use of a route.
 */
class RedisTokenBuckets implements TokenBuckets {

    private final RedisRateLimiter limiter;
    private final String keyPrefix;
    private final Map<String, RateLimitProperties.Limit> configured = new ConcurrentHashMap<>();

    RedisTokenBuckets(RedisRateLimiter limiter, String keyPrefix) {
        this.limiter = limiter;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(String routeId, String clientKey, RateLimitProperties.Limit limit) {
        configure(routeId, limit);
        // The script's keys are request_rate_limiter.{<route>.<id>}.tokens/timestamp, with a TTL of twice the refill
        // time; the namespace keeps deployments (and test runs) sharing one Redis apart.
        return limiter.isAllowed(routeId, keyPrefix + clientKey).map(response -> decision(response, limit));
    }

    private void configure(String routeId, RateLimitProperties.Limit limit) {
        if (!limit.equals(configured.get(routeId))) {
            synchronized (limiter) {
                limiter.getConfig().put(routeId, new RedisRateLimiter.Config()
                        .setReplenishRate(limit.replenishRate()).setBurstCapacity(limit.burstCapacity()).setRequestedTokens(1));
            }
            configured.put(routeId, limit);
        }
    }

    private static RateLimitDecision decision(RateLimiter.Response response, RateLimitProperties.Limit limit) {
        String remainingHeader = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        long remaining = remainingHeader != null ? Math.max(0, Long.parseLong(remainingHeader)) : 0;
        // The script refills whole tokens at replenishRate per second: one token is back within 1/rate seconds.
        long retryAfter = response.isAllowed() ? 0 : Math.max(1, (long) Math.ceil(1.0 / limit.replenishRate()));
        return new RateLimitDecision(response.isAllowed(), limit.burstCapacity(), remaining, retryAfter);
    }
}
