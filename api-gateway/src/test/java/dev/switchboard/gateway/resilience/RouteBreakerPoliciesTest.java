package dev.switchboard.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteBreakerPoliciesTest {

    private final RouteResilienceProperties.Policy defaults = new RouteResilienceProperties.Policy(Duration.ofSeconds(10),
            50, Duration.ofSeconds(10), 100, 20, 10, Duration.ofSeconds(10), 3);

    @Test
    void aRouteOverridesOnlyWhatItSets() {
        var properties = new RouteResilienceProperties(defaults, Map.of("etl", new RouteResilienceProperties.Override(
                Duration.ofMillis(500), null, null, null, 4, null, Duration.ofMillis(1500), null)));

        RouteResilienceProperties.Policy etl = properties.policyOf("etl");
        assertThat(etl.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(etl.slidingWindowSize()).isEqualTo(4);
        assertThat(etl.failureRateThreshold()).isEqualTo(50);
        assertThat(etl.minimumNumberOfCalls()).isEqualTo(10);
        assertThat(properties.policyOf("other")).isEqualTo(defaults);

        var policies = new RouteBreakerPolicies(properties);
        assertThat(policies.whileOpen("etl")).as("rounded up to whole seconds").isEqualTo(2);
        assertThat(policies.whileOpen("other")).isEqualTo(10);
        assertThat(policies.whenUnreachable("etl")).isEqualTo(1);
    }

    @Test
    void policyBecomesTheResilience4jBreakerConfig() {
        CircuitBreakerConfig config = RouteBreakerPolicies.circuitBreakerConfig(defaults);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50);
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
        assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.getIgnoreExceptionPredicate()
                .test(new org.springframework.cloud.gateway.support.NotFoundException("no instance"))).isTrue();
    }
}
