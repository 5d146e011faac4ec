package dev.switchboard.collector.poll;

import dev.switchboard.resilience.HttpStatusFailure;
import dev.switchboard.resilience.ResiliencePolicies;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resilience-lib circuit breaker per target, so that a dead target is backed off rather than hammered:
 * while its breaker is OPEN the target is not polled; after {@code wait-in-open} a trial poll decides. The
 * breakers take their settings from {@code switchboard.resilience.clients.collector-targets.circuit-breaker.*}.
 * They are kept out of the shared registry on purpose: with hundreds of targets, per-breaker meters would
 * dwarf the collector's own, and the collector already exports each target's state.
 */
public class TargetBreakers {

    /** The resilience-lib client name whose circuit-breaker settings every target's breaker uses. */
    public static final String CLIENT = "collector-targets";

    private static final Logger log = LoggerFactory.getLogger(TargetBreakers.class);

    private final CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public TargetBreakers(ResiliencePolicies policies) {
        this.config = policies.circuitBreakerConfig(CLIENT);
    }

    /** Whether the target may be polled now; when true, {@link #record} must follow. */
    boolean tryAcquire(String key) {
        return breaker(key).tryAcquirePermission();
    }

    /** Feeds one poll's outcome to the target's breaker. */
    void record(String key, Sample sample) {
        CircuitBreaker breaker = breaker(key);
        Duration took = Duration.ofMillis(sample.responseTimeMillis());
        if (sample.status() != HealthStatus.DOWN) {
            breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        } else if (sample.httpStatus() != null) {
            // resilience-lib's rule: 5xx is a failure, other statuses (a 404) neither count for nor against.
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, new HttpStatusFailure(sample.httpStatus(), null));
        } else {
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS,
                    new IOException(sample.error() != null ? sample.error() : "no answer"));
        }
    }

    void retainOnly(Collection<String> keys) {
        breakers.keySet().retainAll(keys);
    }

    private CircuitBreaker breaker(String key) {
        return breakers.computeIfAbsent(key, name -> {
            CircuitBreaker breaker = CircuitBreaker.of(name, config);
            breaker.getEventPublisher().onStateTransition(event -> log.info("Polling of {}: breaker {} -> {}", name,
                    event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
            return breaker;
        });
    }
}
