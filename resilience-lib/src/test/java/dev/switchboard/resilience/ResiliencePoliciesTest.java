package dev.switchboard.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.resilience.ResilienceProperties.BudgetProperties;
import dev.switchboard.resilience.ResilienceProperties.CircuitBreakerProperties;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import dev.switchboard.resilience.ResilienceProperties.RetryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.core.functions.Either;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The policy translator, without Spring and without waiting. */
class ResiliencePoliciesTest {

    private static RetryProperties retry(Integer maxAttempts, Duration initial, Double multiplier, Duration max,
            Double jitter) {
        return new RetryProperties(maxAttempts, initial, multiplier, max, jitter, null, null, null, null);
    }

    private static ClientProperties client(RetryProperties retry) {
        return new ClientProperties(null, null, null, null, retry, null);
    }

    @Test
    void backoffGrowsExponentiallyWithinTheJitterBoundsAndIsCapped() {
        var policies = new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("svc", client(retry(10, Duration.ofMillis(100), 2.0, Duration.ofMillis(1600), 0.25)))));
        RetryConfig config = policies.retryConfig("svc");

        for (int sample = 0; sample < 200; sample++) {
            for (int retryNumber = 1; retryNumber <= 8; retryNumber++) {
                long base = Math.min(100L << (retryNumber - 1), 1600);
                long wait = config.getIntervalBiFunction().apply(retryNumber, Either.left(new ConnectException()));
                assertThat(wait).as("retry %d", retryNumber).isBetween((long) (base * 0.75), (long) (base * 1.25) + 1);
                assertThat(policies.backoff("svc", retryNumber).toMillis()).isBetween((long) (base * 0.75),
                        (long) (base * 1.25) + 1);
            }
        }
    }

    @Test
    void jitterActuallyVariesTheWait() {
        var policies = new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("svc", client(retry(5, Duration.ofMillis(1000), 2.0, Duration.ofSeconds(10), 0.5)))));
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(policies.backoff("svc", 1).toMillis());
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void retryAfterLongerThanTheBackoffWins() {
        var policies = new ResiliencePolicies(new ResilienceProperties(null, Map.of()));
        long wait = policies.retryConfig("any").getIntervalBiFunction()
            .apply(1, Either.left(new HttpStatusFailure(503, Duration.ofSeconds(7))));
        assertThat(wait).isEqualTo(7000);
    }

    @Test
    void retriesConfiguredStatusesAndExceptionsInTheCauseChainOnly() throws Throwable {
        var policies = new ResiliencePolicies(new ResilienceProperties(null, Map.of()));
        var predicate = policies.retryConfig("any").getExceptionPredicate();

        assertThat(predicate.test(new HttpStatusFailure(503, null))).isTrue();
        assertThat(predicate.test(new HttpStatusFailure(429, Duration.ofSeconds(1)))).isTrue();
        assertThat(predicate.test(new HttpStatusFailure(429, Duration.ofMinutes(5)))).as("beyond the cap").isFalse();
        assertThat(predicate.test(new HttpStatusFailure(500, null))).isFalse();
        assertThat(predicate.test(new IOException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(predicate.test(new IOException("timed out", new TimeoutException()))).isTrue();
        assertThat(predicate.test(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aRetryFromTheSharedConfigRunsTheAttemptsWithoutSleepingForReal() {
        var policies = new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("svc", client(retry(4, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.0)))));
        Retry retry = Retry.of("svc", policies.retryConfig("svc"));
        int[] attempts = { 0 };

        assertThatThrownBy(() -> retry.executeSupplier(() -> {
            attempts[0]++;
            throw new HttpStatusFailure(502, null);
        })).isInstanceOf(HttpStatusFailure.class);

        assertThat(attempts[0]).isEqualTo(4);
    }

    @Test
    void onlyIdempotentOrMarkedRequestsMayBeRetried() {
        assertThat(ResiliencePolicies.mayRetry("GET", false)).isTrue();
        assertThat(ResiliencePolicies.mayRetry("put", false)).isTrue();
        assertThat(ResiliencePolicies.mayRetry("DELETE", false)).isTrue();
        assertThat(ResiliencePolicies.mayRetry("POST", false)).isFalse();
        assertThat(ResiliencePolicies.mayRetry("PATCH", false)).isFalse();
        assertThat(ResiliencePolicies.mayRetry("POST", true)).isTrue();
    }

    @Test
    void circuitBreakerConfigFollowsTheSettingsAndIgnores4xxSignals() {
        var breaker = new CircuitBreakerProperties(25f, 80f, Duration.ofSeconds(2), SlidingWindowType.TIME_BASED, 30,
                5, Duration.ofSeconds(7), 2, false);
        var policies = new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("svc", new ClientProperties(null, null, null, null, null, breaker))));

        CircuitBreakerConfig config = policies.circuitBreakerConfig("svc");

        assertThat(config.getFailureRateThreshold()).isEqualTo(25f);
        assertThat(config.getSlowCallRateThreshold()).isEqualTo(80f);
        assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.getSlidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
        assertThat(config.getSlidingWindowSize()).isEqualTo(30);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isFalse();
        assertThat(config.getIgnoreExceptionPredicate().test(new HttpStatusFailure(429, null))).isTrue();
        assertThat(config.getIgnoreExceptionPredicate().test(new HttpStatusFailure(503, null))).isFalse();
    }

    @Test
    void timeLimiterUsesTheAttemptTimeoutOrConnectPlusRead() {
        var policies = new ResiliencePolicies(new ResilienceProperties(
                new ClientProperties(null, Duration.ofSeconds(1), Duration.ofSeconds(3), null, null, null),
                Map.of("limited", new ClientProperties(null, null, null, Duration.ofMillis(750), null, null))));

        assertThat(policies.timeLimiterConfig("limited").getTimeoutDuration()).isEqualTo(Duration.ofMillis(750));
        assertThat(policies.timeLimiterConfig("other").getTimeoutDuration()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void clientValuesWinOverDefaultsWhichWinOverBuiltIns() {
        var defaults = new ClientProperties(null, Duration.ofSeconds(1), null, null,
                new RetryProperties(5, null, null, null, null, Set.of(503), null, null,
                        new BudgetProperties(false, null, null)),
                null);
        var own = new ClientProperties(null, null, null, null, retry(2, null, null, null, null), null);
        var policies = new ResiliencePolicies(new ResilienceProperties(defaults, Map.of("svc", own)));

        ClientSettings svc = policies.settings("svc");
        assertThat(svc.retry().maxAttempts()).isEqualTo(2);
        assertThat(svc.retry().statuses()).containsExactly(503);
        assertThat(svc.retry().budget().enabled()).isFalse();
        assertThat(svc.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(svc.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policies.settings("other").retry().maxAttempts()).isEqualTo(5);
        assertThat(policies.configuredClients()).containsExactly("svc");
    }

    @Test
    void nonsenseFailsAtConstructionWithTheClientName() {
        assertThatThrownBy(() -> new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("bad", client(retry(0, null, null, null, null))))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'bad'")
            .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("bad", client(retry(null, null, null, null, 1.5))))))
            .hasMessageContaining("jitter");
        assertThatThrownBy(() -> new ResiliencePolicies(new ResilienceProperties(null,
                Map.of("bad", client(retry(null, Duration.ofSeconds(10), null, Duration.ofSeconds(1), null))))))
            .hasMessageContaining("max-backoff");
    }
}
