package dev.switchboard.resilience.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every state transition of every breaker in a registry, one line each, including breakers other code
 * (a gateway filter) creates in the same registry. Attaches to each breaker once: to those already there
 * when it starts and to each one added or replaced later.
 */
public final class StateTransitionLogger {

    private static final Logger logger = LoggerFactory.getLogger(StateTransitionLogger.class);

    private StateTransitionLogger() {
    }

    /** Starts logging the registry's transitions. */
    public static void attachTo(CircuitBreakerRegistry registry) {
        registry.getAllCircuitBreakers().forEach(StateTransitionLogger::log);
        registry.getEventPublisher()
            .onEntryAdded(event -> log(event.getAddedEntry()))
            .onEntryReplaced(event -> log(event.getNewEntry()));
    }

    private static void log(CircuitBreaker breaker) {
        breaker.getEventPublisher()
            .onStateTransition(event -> logger.info("Circuit breaker '{}' {} -> {}", event.getCircuitBreakerName(),
                    event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
    }
}
