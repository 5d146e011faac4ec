package dev.switchboard.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named HTTP clients with shared defaults, bound from {@code switchboard.resilience}.
 * <p>
 * Every setting is optional: a client's own value wins, then {@code defaults}, then the built-in
 * value documented on each setting (see {@link ClientSettings#builtIn(String)}). Values are checked once
 * they are merged, at start-up, so a nonsensical combination fails fast with the client's name.
 *
 * @param defaults settings shared by every client unless the client sets its own
 * @param clients  named clients, {@code switchboard.resilience.clients.<name>.*}
 */
@ConfigurationProperties("switchboard.resilience")
public record ResilienceProperties(@Nullable ClientProperties defaults, @Nullable Map<String, ClientProperties> clients) {

    public ResilienceProperties {
        defaults = defaults == null ? ClientProperties.EMPTY : defaults;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /**
     * One client's settings; unset values fall back to the defaults.
     *
     * @param baseUrl        base URL that relative request URIs are resolved against
     * @param connectTimeout time allowed to open a connection (built-in: 2s)
     * @param readTimeout    time allowed to wait for the response (built-in: 10s)
     * @param attemptTimeout overall time limit of one attempt (connect, send, response headers), enforced
     *                       on a separate thread; unset by default, so the connect and read timeouts govern
     * @param retry          retry policy
     * @param circuitBreaker circuit breaker policy
     */
    public record ClientProperties(@Nullable URI baseUrl, @Nullable Duration connectTimeout,
            @Nullable Duration readTimeout, @Nullable Duration attemptTimeout, @Nullable RetryProperties retry,
            @Nullable CircuitBreakerProperties circuitBreaker) {

        static final ClientProperties EMPTY = new ClientProperties(null, null, null, null, null, null);
    }

    /**
     * Retry policy.
     *
     * @param maxAttempts    attempts in total, the first one included; 1 disables retrying (built-in: 3)
     * @param initialBackoff wait before the first retry (built-in: 200ms)
     * @param multiplier     factor by which the wait grows after each retry (built-in: 2.0)
     * @param maxBackoff     longest wait between two attempts, before jitter (built-in: 5s)
     * @param jitter         randomization factor in [0, 1): each wait is drawn uniformly from
     *                       {@code wait * (1 - jitter) .. wait * (1 + jitter)} (built-in: 0.5)
     * @param statuses       response statuses that are retried (built-in: 429, 502, 503, 504)
     * @param exceptions     exception types that are retried, matched anywhere in the cause chain (built-in:
     *                       connect refused, connection reset, timeouts)
     * @param maxRetryAfter  longest {@code Retry-After} honoured on 429/503; a longer one ends the call
     *                       at once instead of waiting (built-in: 10s)
     * @param budget         per-client retry budget that stops retries during a failure storm
     */
    public record RetryProperties(@Nullable Integer maxAttempts, @Nullable Duration initialBackoff,
            @Nullable Double multiplier, @Nullable Duration maxBackoff, @Nullable Double jitter,
            @Nullable Set<Integer> statuses, @Nullable List<Class<? extends Throwable>> exceptions,
            @Nullable Duration maxRetryAfter, @Nullable BudgetProperties budget) {
    }

    /**
     * Retry budget (the gRPC retry-throttling model): every retryable failure takes one token, every
     * success gives back {@code token-ratio} tokens, and retries are allowed only while more than half of
     * {@code max-tokens} remain. In a failure storm retries stop after about {@code max-tokens / 2} failures
     * and resume once successes have refilled the bucket.
     *
     * @param enabled    whether the budget applies (built-in: true)
     * @param maxTokens  size of the token bucket (built-in: 20)
     * @param tokenRatio tokens returned by each success (built-in: 0.1)
     */
    public record BudgetProperties(@Nullable Boolean enabled, @Nullable Integer maxTokens,
            @Nullable Double tokenRatio) {
    }

    /**
     * Circuit breaker policy. Responses with a 5xx status, I/O errors and timeouts count as failures.
     *
     * @param failureRateThreshold          failure percentage at or above which the breaker opens (built-in: 50)
     * @param slowCallRateThreshold         slow-call percentage at or above which the breaker opens (built-in: 100)
     * @param slowCallDuration              calls slower than this are slow (built-in: 5s)
     * @param slidingWindowType             COUNT_BASED (last N calls) or TIME_BASED (last N seconds)
     *                                      (built-in: COUNT_BASED)
     * @param slidingWindowSize             calls or seconds in the window (built-in: 20)
     * @param minimumCalls                  calls needed in the window before rates are judged (built-in: 10)
     * @param waitInOpen                    time spent OPEN before calls are let through again (built-in: 30s)
     * @param permittedCallsInHalfOpen      trial calls in HALF_OPEN that decide between CLOSED and OPEN
     *                                      (built-in: 3)
     * @param automaticTransitionToHalfOpen move to HALF_OPEN when the wait ends, without waiting for a call
     *                                      (built-in: true)
     */
    public record CircuitBreakerProperties(@Nullable Float failureRateThreshold,
            @Nullable Float slowCallRateThreshold, @Nullable Duration slowCallDuration,
            @Nullable SlidingWindowType slidingWindowType, @Nullable Integer slidingWindowSize,
            @Nullable Integer minimumCalls, @Nullable Duration waitInOpen, @Nullable Integer permittedCallsInHalfOpen,
            @Nullable Boolean automaticTransitionToHalfOpen) {
    }
}
