package dev.switchboard.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.resilience.HttpStatusFailure;
import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilienceProperties;
import dev.switchboard.resilience.ResilienceProperties.CircuitBreakerProperties;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;

class RouteBreakerPoliciesTest {

    private final ResiliencePolicies policies = new ResiliencePolicies(new ResilienceProperties(
            new ClientProperties(null, null, null, Duration.ofSeconds(7), null,
                    new CircuitBreakerProperties(null, null, null, null, null, null, Duration.ofSeconds(10), null, null)),
            Map.of("etl", new ClientProperties(null, null, null, Duration.ofMillis(500), null,
                    new CircuitBreakerProperties(null, null, null, null, 4, 4, Duration.ofMillis(1500), null, null)))));

    private final RouteBreakerPolicies routes = new RouteBreakerPolicies(policies);

    @Test
    void routesTakeResilienceLibDefaultsAndTheirOwnClientSettings() {
        CircuitBreakerConfig etl = routes.circuitBreakerConfig("etl");
        assertThat(etl.getSlidingWindowSize()).isEqualTo(4);
        assertThat(etl.getMinimumNumberOfCalls()).isEqualTo(4);
        assertThat(etl.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(1500);
        assertThat(policies.timeLimiterConfig("etl").getTimeoutDuration()).isEqualTo(Duration.ofMillis(500));

        CircuitBreakerConfig other = routes.circuitBreakerConfig("vector-search");
        assertThat(other.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000);
        assertThat(policies.timeLimiterConfig("vector-search").getTimeoutDuration()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterWhileOpenIsTheOpenWaitInWholeSeconds() {
        assertThat(routes.whileOpen("etl")).isEqualTo(2);
        assertThat(routes.whileOpen("vector-search")).isEqualTo(10);
        assertThat(routes.whenUnreachable("etl")).isEqualTo(1);
    }

    @Test
    void noInstanceAndClientErrorsAreIgnoredButIoFailuresCount() {
        CircuitBreakerConfig config = routes.circuitBreakerConfig("etl");
        assertThat(config.getIgnoreExceptionPredicate().test(new NotFoundException("no instance"))).isTrue();
        assertThat(config.getIgnoreExceptionPredicate().test(new HttpStatusFailure(429, null))).isTrue();
        assertThat(config.getIgnoreExceptionPredicate().test(new IOException("reset"))).isFalse();
    }
}
