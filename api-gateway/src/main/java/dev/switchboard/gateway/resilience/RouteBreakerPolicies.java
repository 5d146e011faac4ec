package dev.switchboard.gateway.resilience;

import dev.switchboard.gateway.web.RetryAfterAdvisor;
import dev.switchboard.resilience.ResiliencePolicies;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.function.Predicate;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.support.NotFoundException;

/**
 * The one place where the gateway's per-route breakers (the {@code CircuitBreaker} filter creates one per route id)
 * get their configuration: from resilience-lib's policy translator, with the route id as client name, so that
 * {@code switchboard.resilience.defaults} applies to every route and {@code switchboard.resilience.clients.<route-id>}
 * to one. The route's timeout, the client's time limit ({@code attempt-timeout}, else connect plus read timeout), is
 * applied inside the breaker by {@link RouteTimeLimitGatewayFilterFactory}; Spring Cloud CircuitBreaker's own time
 * limiter is switched off ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}).
 */
public class RouteBreakerPolicies implements Customizer<ReactiveResilience4JCircuitBreakerFactory>, RetryAfterAdvisor {

    private final ResiliencePolicies policies;

    public RouteBreakerPolicies(ResiliencePolicies policies) {
        this.policies = policies;
    }

    @Override
    public void customize(ReactiveResilience4JCircuitBreakerFactory factory) {
        factory.configureDefault(routeId -> new Resilience4JConfigBuilder(routeId)
                .circuitBreakerConfig(circuitBreakerConfig(routeId))
                .build());
    }

    CircuitBreakerConfig circuitBreakerConfig(String routeId) {
        CircuitBreakerConfig shared = policies.circuitBreakerConfig(routeId);
        Predicate<Throwable> ignoredByPolicy = shared.getIgnoreExceptionPredicate();
        // "No healthy instance" already fails fast and is answered 503 by itself; counting it would open the breaker
        // while health checks are still finding the first instances at start-up.
        return CircuitBreakerConfig.from(shared)
                .ignoreException(failure -> failure instanceof NotFoundException || ignoredByPolicy.test(failure))
                .build();
    }

    @Override
    public long whileOpen(String routeId) {
        return Math.max(1, (policies.settings(routeId).circuitBreaker().waitInOpen().toMillis() + 999) / 1000);
    }

    @Override
    public long whenUnreachable(String routeId) {
        return 1;
    }
}
