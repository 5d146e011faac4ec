package dev.switchboard.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Token buckets per route and client; takes one token per request. */
public interface TokenBuckets {

    Mono<RateLimitDecision> tryConsume(String routeId, String clientKey, RateLimitProperties.Limit limit);
}
