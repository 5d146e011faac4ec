package dev.switchboard.gateway.resilience;

import dev.switchboard.gateway.web.RetryAfterAdvisor;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;

/**
 * The one place that turns the gateway's resilience policy model into resilience4j configurations for the
 * per-route breakers the gateway's {@code CircuitBreaker} filter creates (one per route id), and answers how long
 * clients should wait while a route is unavailable.
 */
public class RouteBreakerPolicies implements Customizer<ReactiveResilience4JCircuitBreakerFactory>, RetryAfterAdvisor {

    private final RouteResilienceProperties properties;

    public RouteBreakerPolicies(RouteResilienceProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ReactiveResilience4JCircuitBreakerFactory factory) {
        factory.configureDefault(routeId -> {
            RouteResilienceProperties.Policy policy = properties.policyOf(routeId);
            return new Resilience4JConfigBuilder(routeId)
                    .circuitBreakerConfig(circuitBreakerConfig(policy))
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(policy.timeout()).build())
                    .build();
        });
    }

    static CircuitBreakerConfig circuitBreakerConfig(RouteResilienceProperties.Policy policy) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRateThreshold())
                .slowCallDurationThreshold(policy.slowCallDurationThreshold())
                .slowCallRateThreshold(policy.slowCallRateThreshold())
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumNumberOfCalls())
                .waitDurationInOpenState(policy.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(policy.permittedCallsInHalfOpenState())
                // "No healthy instance" already fails fast and is answered 503 by itself; counting it would open the
                // breaker while health checks are still finding the first instances at start-up.
                .ignoreExceptions(NotFoundException.class)
                .build();
    }

    @Override
    public long whileOpen(String routeId) {
        return Math.max(1, (properties.policyOf(routeId).waitDurationInOpenState().toMillis() + 999) / 1000);
    }

    @Override
    public long whenUnreachable(String routeId) {
        return 1;
    }
}
