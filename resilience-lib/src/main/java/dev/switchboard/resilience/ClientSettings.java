package dev.switchboard.resilience;

import dev.switchboard.resilience.ResilienceProperties.BudgetProperties;
import dev.switchboard.resilience.ResilienceProperties.CircuitBreakerProperties;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import dev.switchboard.resilience.ResilienceProperties.RetryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One client's settings after merging its own values, the shared defaults and the built-in values;
 * every value is present and checked.
 *
 * @param name           the client's name (also the name of its circuit breaker and retry)
 * @param baseUrl        base URL, or {@code null} when requests carry absolute URIs
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    time allowed to wait for the response
 * @param attemptTimeout overall limit of one attempt, or {@code null} when not enforced
 * @param retry          retry policy
 * @param circuitBreaker circuit breaker policy
 */
public record ClientSettings(String name, @Nullable URI baseUrl, Duration connectTimeout, Duration readTimeout,
        @Nullable Duration attemptTimeout, RetrySettings retry, CircuitBreakerSettings circuitBreaker) {

    /**
     * Built-in exception types that are retried: connect refused, connection reset or closed under the request
     * (the JDK client reports a reset as any of {@code SocketException}, {@code ClosedChannelException} or
     * {@code EOFException}), timeouts.
     */
    public static final List<Class<? extends Throwable>> DEFAULT_RETRY_EXCEPTIONS = List.of(ConnectException.class,
            SocketException.class, ClosedChannelException.class, EOFException.class, HttpTimeoutException.class,
            SocketTimeoutException.class, TimeoutException.class);

    public ClientSettings {
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        if (attemptTimeout != null) {
            requirePositive("attempt-timeout", attemptTimeout);
        }
    }

    /**
     * Retry policy of one client.
     *
     * @param maxAttempts    attempts in total, the first included
     * @param initialBackoff wait before the first retry
     * @param multiplier     growth factor of the wait
     * @param maxBackoff     cap of the wait before jitter
     * @param jitter         randomization factor in [0, 1)
     * @param statuses       retried response statuses
     * @param exceptions     retried exception types (cause chain)
     * @param maxRetryAfter  longest {@code Retry-After} honoured
     * @param budget         retry budget
     */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
            double jitter, Set<Integer> statuses, List<Class<? extends Throwable>> exceptions, Duration maxRetryAfter,
            BudgetSettings budget) {

        public RetrySettings {
            check(maxAttempts >= 1, "retry.max-attempts must be at least 1, was " + maxAttempts);
            check(!initialBackoff.isNegative() && !initialBackoff.isZero(), "retry.initial-backoff must be positive");
            check(multiplier >= 1.0, "retry.multiplier must be at least 1.0, was " + multiplier);
            check(maxBackoff.compareTo(initialBackoff) >= 0, "retry.max-backoff must not be below retry.initial-backoff");
            check(jitter >= 0.0 && jitter < 1.0, "retry.jitter must be in [0, 1), was " + jitter);
            check(statuses.stream().allMatch(s -> s >= 100 && s <= 599), "retry.statuses must be HTTP statuses");
            check(!maxRetryAfter.isNegative(), "retry.max-retry-after must not be negative");
            statuses = Set.copyOf(statuses);
            exceptions = List.copyOf(exceptions);
        }
    }

    /**
     * Retry budget of one client (gRPC retry throttling).
     *
     * @param enabled    whether it applies
     * @param maxTokens  bucket size; retries need more than half of it
     * @param tokenRatio tokens returned by each success
     */
    public record BudgetSettings(boolean enabled, int maxTokens, double tokenRatio) {

        public BudgetSettings {
            check(maxTokens >= 2, "retry.budget.max-tokens must be at least 2, was " + maxTokens);
            check(tokenRatio > 0.0 && tokenRatio <= 1.0, "retry.budget.token-ratio must be in (0, 1], was " + tokenRatio);
        }
    }

    /**
     * Circuit breaker policy of one client.
     *
     * @param failureRateThreshold          failure percentage that opens the breaker
     * @param slowCallRateThreshold         slow-call percentage that opens the breaker
     * @param slowCallDuration              calls slower than this are slow
     * @param slidingWindowType             count- or time-based window
     * @param slidingWindowSize             calls or seconds in the window
     * @param minimumCalls                  calls needed before rates are judged
     * @param waitInOpen                    time spent OPEN
     * @param permittedCallsInHalfOpen      trial calls in HALF_OPEN
     * @param automaticTransitionToHalfOpen whether OPEN moves to HALF_OPEN by itself
     */
    public record CircuitBreakerSettings(float failureRateThreshold, float slowCallRateThreshold,
            Duration slowCallDuration, SlidingWindowType slidingWindowType, int slidingWindowSize, int minimumCalls,
            Duration waitInOpen, int permittedCallsInHalfOpen, boolean automaticTransitionToHalfOpen) {

        public CircuitBreakerSettings {
            check(failureRateThreshold > 0 && failureRateThreshold <= 100,
                    "circuit-breaker.failure-rate-threshold must be in (0, 100]");
            check(slowCallRateThreshold > 0 && slowCallRateThreshold <= 100,
                    "circuit-breaker.slow-call-rate-threshold must be in (0, 100]");
            check(slidingWindowSize >= 1, "circuit-breaker.sliding-window-size must be at least 1");
            check(minimumCalls >= 1, "circuit-breaker.minimum-calls must be at least 1");
            check(permittedCallsInHalfOpen >= 1, "circuit-breaker.permitted-calls-in-half-open must be at least 1");
            check(!waitInOpen.isNegative() && !waitInOpen.isZero(), "circuit-breaker.wait-in-open must be positive");
            check(!slowCallDuration.isNegative() && !slowCallDuration.isZero(),
                    "circuit-breaker.slow-call-duration must be positive");
        }
    }

    /** The built-in values, used where neither the client nor the defaults set one. */
    public static ClientSettings builtIn(String name) {
        return new ClientSettings(name, null, Duration.ofSeconds(2), Duration.ofSeconds(10), null,
                new RetrySettings(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), 0.5, Set.of(429, 502, 503, 504),
                        DEFAULT_RETRY_EXCEPTIONS, Duration.ofSeconds(10), new BudgetSettings(true, 20, 0.1)),
                new CircuitBreakerSettings(50, 100, Duration.ofSeconds(5), SlidingWindowType.COUNT_BASED, 20, 10,
                        Duration.ofSeconds(30), 3, true));
    }

    /**
     * Merges a client's own values over the shared defaults over the built-in values.
     *
     * @throws IllegalArgumentException naming the client when a merged value makes no sense
     */
    public static ClientSettings resolve(String name, ClientProperties own, ClientProperties defaults) {
        ClientSettings b = builtIn(name);
        try {
            return new ClientSettings(name, first(own.baseUrl(), defaults.baseUrl(), b.baseUrl()),
                    first(own.connectTimeout(), defaults.connectTimeout(), b.connectTimeout()),
                    first(own.readTimeout(), defaults.readTimeout(), b.readTimeout()),
                    first(own.attemptTimeout(), defaults.attemptTimeout(), b.attemptTimeout()),
                    retry(own.retry(), defaults.retry(), b.retry()),
                    circuitBreaker(own.circuitBreaker(), defaults.circuitBreaker(), b.circuitBreaker()));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                    "switchboard.resilience client '" + name + "': " + ex.getMessage(), ex);
        }
    }

    private static RetrySettings retry(@Nullable RetryProperties own, @Nullable RetryProperties defaults,
            RetrySettings b) {
        RetryProperties o = own == null ? new RetryProperties(null, null, null, null, null, null, null, null, null) : own;
        RetryProperties d = defaults == null ? new RetryProperties(null, null, null, null, null, null, null, null, null)
                : defaults;
        BudgetProperties ob = o.budget() == null ? new BudgetProperties(null, null, null) : o.budget();
        BudgetProperties db = d.budget() == null ? new BudgetProperties(null, null, null) : d.budget();
        return new RetrySettings(first(o.maxAttempts(), d.maxAttempts(), b.maxAttempts()),
                first(o.initialBackoff(), d.initialBackoff(), b.initialBackoff()),
                first(o.multiplier(), d.multiplier(), b.multiplier()),
                first(o.maxBackoff(), d.maxBackoff(), b.maxBackoff()), first(o.jitter(), d.jitter(), b.jitter()),
                first(o.statuses(), d.statuses(), b.statuses()), first(o.exceptions(), d.exceptions(), b.exceptions()),
                first(o.maxRetryAfter(), d.maxRetryAfter(), b.maxRetryAfter()),
                new BudgetSettings(first(ob.enabled(), db.enabled(), b.budget().enabled()),
                        first(ob.maxTokens(), db.maxTokens(), b.budget().maxTokens()),
                        first(ob.tokenRatio(), db.tokenRatio(), b.budget().tokenRatio())));
    }

    private static CircuitBreakerSettings circuitBreaker(@Nullable CircuitBreakerProperties own,
            @Nullable CircuitBreakerProperties defaults, CircuitBreakerSettings b) {
        CircuitBreakerProperties none = new CircuitBreakerProperties(null, null, null, null, null, null, null, null,
                null);
        CircuitBreakerProperties o = own == null ? none : own;
        CircuitBreakerProperties d = defaults == null ? none : defaults;
        return new CircuitBreakerSettings(
                first(o.failureRateThreshold(), d.failureRateThreshold(), b.failureRateThreshold()),
                first(o.slowCallRateThreshold(), d.slowCallRateThreshold(), b.slowCallRateThreshold()),
                first(o.slowCallDuration(), d.slowCallDuration(), b.slowCallDuration()),
                first(o.slidingWindowType(), d.slidingWindowType(), b.slidingWindowType()),
                first(o.slidingWindowSize(), d.slidingWindowSize(), b.slidingWindowSize()),
                first(o.minimumCalls(), d.minimumCalls(), b.minimumCalls()),
                first(o.waitInOpen(), d.waitInOpen(), b.waitInOpen()),
                first(o.permittedCallsInHalfOpen(), d.permittedCallsInHalfOpen(), b.permittedCallsInHalfOpen()),
                first(o.automaticTransitionToHalfOpen(), d.automaticTransitionToHalfOpen(),
                        b.automaticTransitionToHalfOpen()));
    }

    private static <T> T first(@Nullable T own, @Nullable T defaults, T builtIn) {
        return own != null ? own : defaults != null ? defaults : builtIn;
    }

    private static void requirePositive(String key, Duration value) {
        check(!value.isNegative() && !value.isZero(), key + " must be positive, was " + value);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
