package dev.switchboard.gateway.ratelimit;

/**
 * The verdict on one request.
 *
 * @param allowed whether the request may proceed
 * @param limit the bucket's capacity ({@code X-RateLimit-Limit})
 * @param remaining tokens left after this request ({@code X-RateLimit-Remaining})
 * @param retryAfterSeconds when refused: seconds until a token is available ({@code Retry-After})
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
}
