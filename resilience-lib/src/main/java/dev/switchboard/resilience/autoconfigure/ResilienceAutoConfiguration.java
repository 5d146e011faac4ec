package dev.switchboard.resilience.autoconfigure;

import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilienceProperties;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.resilience.Sleeper;
import dev.switchboard.resilience.internal.StateTransitionLogger;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetricsPublisher;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.http.HttpClient.Version;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The policy translator, shared circuit breaker and retry registries (unless the application, e.g. through
 * resilience4j-spring-boot4, already has them), the named RestClient factory and Micrometer metrics.
 */
@AutoConfiguration(afterName = {
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerMetricsAutoConfiguration",
        "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
        "io.github.resilience4j.springboot.retry.autoconfigure.RetryMetricsAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ResiliencePolicies resiliencePolicies(ResilienceProperties properties) {
        return new ResiliencePolicies(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    @ConditionalOnMissingBean
    RetryRegistry retryRegistry() {
        return RetryRegistry.ofDefaults();
    }

    /** One log line per breaker state transition, for every breaker in the shared registry. */
    @Bean
    SmartInitializingSingleton circuitBreakerTransitionLogging(CircuitBreakerRegistry registry) {
        return () -> StateTransitionLogger.attachTo(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    Sleeper resilienceSleeper() {
        return Sleeper.threadSleep();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(RestClient.class)
    ResilientHttpClients resilientHttpClients(ResiliencePolicies policies, CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries, ObjectProvider<RestClient.Builder> builders, ObjectProvider<Clock> clock,
            Sleeper sleeper) {
        // Always the JDK HttpClient, not the library Boot detects: the default retried exceptions are the JDK
        // client's, and a gateway has Reactor Netty on the classpath, which would otherwise be picked and
        // report a reset connection as a Netty-specific exception. An application wanting another HTTP library
        // defines its own ResilientHttpClients bean. HTTP/1.1: on plain http the JDK client otherwise tries an
        // h2c upgrade, which servers without h2c (the Python and R backends) can mishandle, losing request bodies.
        return new ResilientHttpClients(policies, circuitBreakers, retries,
                () -> builders.getIfAvailable(RestClient::builder),
                ClientHttpRequestFactoryBuilder.jdk().withHttpClientCustomizer(http -> http.version(Version.HTTP_1_1)),
                clock.getIfAvailable(Clock::systemUTC), sleeper);
    }

    /**
     * Breaker and retry meters ({@code resilience4j_circuitbreaker_state}, {@code ..._calls},
     * {@code resilience4j_retry_calls}), unless resilience4j-spring-boot4 already publishes them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ MeterRegistry.class, TaggedCircuitBreakerMetrics.class })
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean({ TaggedCircuitBreakerMetrics.class, TaggedCircuitBreakerMetricsPublisher.class })
        TaggedCircuitBreakerMetrics resilienceCircuitBreakerMetrics(CircuitBreakerRegistry registry) {
            return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry);
        }

        /** {@code switchboard.resilience.retry.budget.tokens{name}} for every configured client. */
        @Bean
        MeterBinder resilienceRetryBudgetMetrics(ResiliencePolicies policies) {
            return registry -> policies.configuredClients()
                .forEach(name -> Gauge.builder("switchboard.resilience.retry.budget.tokens", policies,
                        p -> p.retryBudgetTokens(name))
                    .description("Tokens left in the client's retry budget; retries stop at half the maximum")
                    .tag("name", name)
                    .register(registry));
        }

        @Bean
        @ConditionalOnMissingBean({ TaggedRetryMetrics.class, TaggedRetryMetricsPublisher.class })
        TaggedRetryMetrics resilienceRetryMetrics(RetryRegistry registry) {
            return TaggedRetryMetrics.ofRetryRegistry(registry);
        }
    }
}
