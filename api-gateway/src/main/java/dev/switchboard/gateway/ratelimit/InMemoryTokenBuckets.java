package dev.switchboard.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Buckets held by this gateway (bucket4j, lock-free), in a Caffeine cache bounded by size and idle time so that a
 * flood of distinct client keys cannot exhaust memory; an evicted client simply starts again with a full bucket.
 */
class InMemoryTokenBuckets implements TokenBuckets {

    private final Cache<BucketKey, Bucket> buckets;

    InMemoryTokenBuckets(long maxClients, Duration idleExpiry) {
        // Maintenance (replaying recorded reads, evicting) on the calling thread: handing it to the common pool woke a
        // pool thread every few requests, the largest source of cross-thread wake-ups under load (RESULTS.md).
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idleExpiry)
                .executor(Runnable::run).build();
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(String routeId, String clientKey, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(new BucketKey(routeId, clientKey, limit), key -> newBucket(key.limit()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        return Mono.just(new RateLimitDecision(probe.isConsumed(), limit.burstCapacity(), probe.getRemainingTokens(), retryAfter));
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burstCapacity())
                        .refillGreedy(limit.replenishRate(), Duration.ofSeconds(1)).build())
                .build();
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** The limit is part of the key so that a changed limit starts a bucket of the new shape. */
    private record BucketKey(String routeId, String clientKey, RateLimitProperties.Limit limit) {
    }
}
