package dev.switchboard.resilience.actuate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/resilience}: every circuit breaker in the shared registry with its state and metrics;
 * {@code POST /actuator/resilience/{name}} with {@code {"action":"reset"}} or {@code {"action":"force-open"}}.
 * <p>
 * The id is not {@code circuitbreakers} on purpose: resilience4j-spring-boot4 registers an endpoint with
 * that id (read-only), and two endpoints with one id stop the application from starting.
 */
@Endpoint(id = "resilience")
public class ResilienceEndpoint {

    private final CircuitBreakerRegistry registry;

    public ResilienceEndpoint(CircuitBreakerRegistry registry) {
        this.registry = registry;
    }

    /** Every breaker, by name. */
    @ReadOperation
    public Breakers breakers() {
        Map<String, BreakerState> all = new TreeMap<>();
        this.registry.getAllCircuitBreakers().forEach(breaker -> all.put(breaker.getName(), BreakerState.of(breaker)));
        return new Breakers(all);
    }

    /** One breaker; 404 when there is none of that name. */
    @ReadOperation
    public WebEndpointResponse<BreakerState> breaker(@Selector String name) {
        return find(name).map(breaker -> new WebEndpointResponse<>(BreakerState.of(breaker)))
            .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    /**
     * Changes a breaker's state: {@code reset} (back to CLOSED with empty metrics, also ends a forced open) or
     * {@code force-open} (refuses every call until reset). Answers the new state; 404 for an unknown breaker,
     * 400 for an unknown action, and nothing changes in either case.
     */
    @WriteOperation
    public WebEndpointResponse<BreakerState> change(@Selector String name, String action) {
        Action requested = Action.parse(action);
        Optional<CircuitBreaker> found = find(name);
        if (found.isEmpty()) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        CircuitBreaker breaker = found.get();
        if (requested == Action.RESET) {
            breaker.reset();
        }
        else {
            breaker.transitionToForcedOpenState();
        }
        return new WebEndpointResponse<>(BreakerState.of(breaker));
    }

    private Optional<CircuitBreaker> find(String name) {
        return this.registry.find(name);
    }

    private enum Action {
        RESET, FORCE_OPEN;

        static Action parse(@Nullable String action) {
            String normalized = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
            if (normalized.equals("reset")) {
                return RESET;
            }
            if (normalized.equals("force-open")) {
                return FORCE_OPEN;
            }
            throw new InvalidEndpointRequestException("Unknown action '" + action + "'; use 'reset' or 'force-open'",
                    "action must be 'reset' or 'force-open'");
        }
    }

    /**
     * All breakers.
     *
     * @param circuitBreakers state and metrics by breaker name
     */
    public record Breakers(Map<String, BreakerState> circuitBreakers) {
    }

    /**
     * One breaker's state and sliding-window metrics.
     *
     * @param state             CLOSED, OPEN, HALF_OPEN, FORCED_OPEN, ...
     * @param failureRate       failure percentage in the window, -1 until the minimum number of calls
     * @param slowCallRate      slow-call percentage in the window, -1 until the minimum number of calls
     * @param bufferedCalls     calls in the window
     * @param failedCalls       failed calls in the window
     * @param slowCalls         slow calls in the window
     * @param successfulCalls   successful calls in the window
     * @param notPermittedCalls calls refused since the last reset
     */
    public record BreakerState(String state, float failureRate, float slowCallRate, int bufferedCalls,
            int failedCalls, int slowCalls, int successfulCalls, long notPermittedCalls) {

        static BreakerState of(CircuitBreaker breaker) {
            CircuitBreaker.Metrics metrics = breaker.getMetrics();
            return new BreakerState(breaker.getState().name(), metrics.getFailureRate(), metrics.getSlowCallRate(),
                    metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
                    metrics.getNumberOfSlowCalls(), metrics.getNumberOfSuccessfulCalls(),
                    metrics.getNumberOfNotPermittedCalls());
        }
    }
}
