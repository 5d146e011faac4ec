package dev.switchboard.resilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.resilience.Sleeper;
import dev.switchboard.resilience.actuate.ResilienceEndpoint;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auto-configuration wiring, back-off and fail-fast, with ApplicationContextRunner. */
@ExtendWith(OutputCaptureExtension.class)
class ResilienceAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ResilienceAutoConfiguration.class, ResilienceEndpointAutoConfiguration.class));

    @Test
    void addingTheDependencyIsEnough() {
        this.runner.run(context -> {
            assertThat(context).hasSingleBean(ResiliencePolicies.class)
                .hasSingleBean(CircuitBreakerRegistry.class)
                .hasSingleBean(RetryRegistry.class)
                .hasSingleBean(Sleeper.class)
                .hasSingleBean(ResilientHttpClients.class);
            assertThat(context.getBean(ResilientHttpClients.class).get("anything")).isNotNull();
        });
    }

    @Test
    void bindsNamedClientsOverDefaults() {
        this.runner
            .withPropertyValues("switchboard.resilience.defaults.retry.max-attempts=4",
                    "switchboard.resilience.clients.vector.base-url=http://localhost:8000",
                    "switchboard.resilience.clients.vector.read-timeout=750ms",
                    "switchboard.resilience.clients.etl.retry.max-attempts=1",
                    "switchboard.resilience.clients.etl.circuit-breaker.sliding-window-type=time-based")
            .run(context -> {
                ResiliencePolicies policies = context.getBean(ResiliencePolicies.class);
                assertThat(policies.configuredClients()).containsExactly("etl", "vector");
                assertThat(policies.settings("vector").readTimeout()).isEqualTo(Duration.ofMillis(750));
                assertThat(policies.settings("vector").retry().maxAttempts()).isEqualTo(4);
                assertThat(policies.settings("etl").retry().maxAttempts()).isEqualTo(1);
                assertThat(policies.circuitBreakerConfig("etl").getSlidingWindowType().name()).isEqualTo("TIME_BASED");
            });
    }

    @Test
    void retriedExceptionsBindFromClassNames() {
        this.runner.withPropertyValues("switchboard.resilience.defaults.retry.exceptions=java.io.IOException")
            .run(context -> assertThat(context.getBean(ResiliencePolicies.class).settings("x").retry().exceptions())
                .containsExactly(java.io.IOException.class));
    }

    @Test
    void nonsenseStopsStartUpNamingTheClient() {
        this.runner.withPropertyValues("switchboard.resilience.clients.vector.retry.jitter=2")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .hasStackTraceContaining("switchboard.resilience client 'vector': retry.jitter must be in [0, 1)"));
    }

    @Test
    void usesTheApplicationsRegistries() {
        this.runner.withUserConfiguration(OwnRegistries.class).run(context -> {
            assertThat(context).hasSingleBean(CircuitBreakerRegistry.class);
            assertThat(context.getBean(CircuitBreakerRegistry.class)).isSameAs(OwnRegistries.BREAKERS);
            context.getBean(ResilientHttpClients.class).circuitBreaker("vector");
            assertThat(OwnRegistries.BREAKERS.find("vector")).isPresent();
        });
    }

    @Test
    void bindsMetricsWhenThereIsAMeterRegistry() {
        this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .run(context -> assertThat(context).hasSingleBean(TaggedCircuitBreakerMetrics.class));
    }

    @Test
    void coexistsWithResilience4jSpringBoot4() {
        this.runner
            .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
                    CircuitBreakerMetricsAutoConfiguration.class, RetryAutoConfiguration.class,
                    RetryMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("management.endpoints.web.exposure.include=*")
            .run(context -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(CircuitBreakerRegistry.class)
                    .hasSingleBean(RetryRegistry.class)
                    .hasSingleBean(ResilienceEndpoint.class)
                    // resilience4j publishes the meters; binding them again would register them twice.
                    .doesNotHaveBean(TaggedCircuitBreakerMetrics.class);
            });
    }

    @Test
    void logsEachTransitionOnceForEveryBreakerInTheRegistry(CapturedOutput output) {
        this.runner.run(context -> {
            CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
            // Created by other code (e.g. a gateway filter), not through ResilientHttpClients.
            registry.circuitBreaker("elsewhere").transitionToOpenState();
            assertThat(output.getAll()).containsOnlyOnce("Circuit breaker 'elsewhere' CLOSED -> OPEN");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistries {

        static final CircuitBreakerRegistry BREAKERS = CircuitBreakerRegistry.ofDefaults();

        @Bean
        CircuitBreakerRegistry ownCircuitBreakerRegistry() {
            return BREAKERS;
        }
    }
}
