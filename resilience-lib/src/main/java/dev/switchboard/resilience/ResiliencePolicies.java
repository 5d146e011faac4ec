package dev.switchboard.resilience;

import dev.switchboard.resilience.ClientSettings.CircuitBreakerSettings;
import dev.switchboard.resilience.ClientSettings.RetrySettings;
import dev.switchboard.resilience.internal.RetryBudget;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a named client's settings into resilience4j configurations. This is the single place where the
 * policy is decided; the blocking {@link ResilientHttpClients} and any reactive caller (gateway, WebClient)
 * use the same configurations. It depends on no HTTP client type: a non-RestClient caller signals a failure
 * status by throwing {@link HttpStatusFailure} from its attempt.
 * <p>
 * Any name works: names under {@code switchboard.resilience.clients} get their own values, other names get
 * the defaults. Configurations are built once per name; the retry configuration of a name carries that
 * client's retry budget, so every retry built from it shares the budget.
 */
public final class ResiliencePolicies {

    /** Methods that are idempotent by definition (RFC 9110 §9.2.2) and therefore retried. */
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    /** Request header that marks a POST or PATCH as safe to retry. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final ResilienceProperties properties;

    private final ConcurrentMap<String, Policy> policies = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when a configured client's merged settings make no sense
     */
    public ResiliencePolicies(ResilienceProperties properties) {
        this.properties = properties;
        // Resolve every configured client now so that a bad value fails start-up, not the first call.
        properties.clients().keySet().forEach(this::policy);
    }

    /** Names configured under {@code switchboard.resilience.clients}, sorted. */
    public Set<String> configuredClients() {
        return new TreeMap<>(this.properties.clients()).keySet();
    }

    /** The merged settings of a client. */
    public ClientSettings settings(String client) {
        return policy(client).settings();
    }

    /**
     * Retry configuration: max attempts; exponential backoff with jitter, or the server's
     * {@code Retry-After} when longer; retries configured statuses ({@link HttpStatusFailure}) and exception
     * types found in the cause chain, a {@code Retry-After} beyond the cap ends the call; and the client's
     * retry budget.
     */
    public RetryConfig retryConfig(String client) {
        return policy(client).retryConfig();
    }

    /** Circuit breaker configuration; {@link HttpStatusFailure} below 500 (e.g. 429) is neither failure nor success. */
    public CircuitBreakerConfig circuitBreakerConfig(String client) {
        return policy(client).circuitBreakerConfig();
    }

    /** Time limit of one attempt: {@code attempt-timeout}, or connect plus read timeout when unset. */
    public TimeLimiterConfig timeLimiterConfig(String client) {
        return policy(client).timeLimiterConfig();
    }

    /** Whether a response status is one the client retries. */
    public boolean isRetryableStatus(String client, int status) {
        return settings(client).retry().statuses().contains(status);
    }

    /**
     * Whether a request may be retried at all: idempotent methods always, POST and PATCH only when marked
     * idempotent (an {@code Idempotency-Key} header, or explicitly by the caller).
     */
    public static boolean mayRetry(String method, boolean markedIdempotent) {
        return markedIdempotent || IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Tokens left in the client's retry budget; retries stop when it is at or below half of
     * {@code retry.budget.max-tokens}. Exported as the gauge {@code switchboard.resilience.retry.budget.tokens}.
     */
    public double retryBudgetTokens(String client) {
        return policy(client).budget().tokens();
    }

    /** The backoff before retry number {@code retry} (1 = first retry), before any {@code Retry-After}. */
    public Duration backoff(String client, int retry) {
        return Duration.ofMillis(policy(client).backoff().apply(retry));
    }

    private Policy policy(String client) {
        return this.policies.computeIfAbsent(client, name -> Policy.of(ClientSettings.resolve(name,
                this.properties.clients().getOrDefault(name, ResilienceProperties.ClientProperties.EMPTY),
                this.properties.defaults())));
    }

    private record Policy(ClientSettings settings, IntervalFunction backoff, RetryBudget budget,
            RetryConfig retryConfig, CircuitBreakerConfig circuitBreakerConfig, TimeLimiterConfig timeLimiterConfig) {

        static Policy of(ClientSettings settings) {
            RetrySettings retry = settings.retry();
            IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(),
                    retry.multiplier(), retry.jitter(), retry.maxBackoff());
            RetryBudget budget = new RetryBudget(retry.budget());
            return new Policy(settings, backoff, budget, retryConfig(retry, backoff, budget),
                    circuitBreakerConfig(settings.circuitBreaker()),
                    TimeLimiterConfig.custom()
                        .timeoutDuration(settings.attemptTimeout() != null ? settings.attemptTimeout()
                                : settings.connectTimeout().plus(settings.readTimeout()))
                        .cancelRunningFuture(true)
                        .build());
        }

        private static RetryConfig retryConfig(RetrySettings retry, IntervalFunction backoff, RetryBudget budget) {
            IntervalBiFunction<Object> interval = (attempt, outcome) -> {
                long wait = backoff.apply(attempt);
                if (outcome.isLeft() && outcome.getLeft() instanceof HttpStatusFailure failure) {
                    Optional<Duration> asked = failure.retryAfter();
                    if (asked.isPresent()) {
                        wait = Math.max(wait, asked.get().toMillis());
                    }
                }
                return wait;
            };
            return RetryConfig.<Object>custom()
                .maxAttempts(retry.maxAttempts())
                .intervalBiFunction(interval)
                // Called once per failed attempt: decide, and charge the budget only for retryable failures.
                .retryOnException(failure -> isRetryable(retry, failure) && budget.onFailureAllowsRetry())
                // Called once per successful attempt: never retries a result, only refills the budget.
                .retryOnResult(result -> {
                    budget.onSuccess();
                    return false;
                })
                .build();
        }

        private static boolean isRetryable(RetrySettings retry, Throwable failure) {
            if (failure instanceof HttpStatusFailure status) {
                return retry.statuses().contains(status.status())
                        && status.retryAfter().map(wait -> wait.compareTo(retry.maxRetryAfter()) <= 0).orElse(true);
            }
            for (@Nullable Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                Throwable current = t;
                if (retry.exceptions().stream().anyMatch(type -> type.isInstance(current))) {
                    return true;
                }
            }
            return false;
        }

        private static CircuitBreakerConfig circuitBreakerConfig(CircuitBreakerSettings breaker) {
            return CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.slowCallRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDuration())
                .slidingWindow(breaker.slidingWindowSize(), breaker.minimumCalls(), breaker.slidingWindowType())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(breaker.automaticTransitionToHalfOpen())
                .ignoreException(failure -> failure instanceof HttpStatusFailure status && status.status() < 500)
                .build();
        }
    }
}
