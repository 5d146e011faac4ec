package dev.switchboard.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.resilience.ResilienceProperties.CircuitBreakerProperties;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The same policy drives a Reactor pipeline (as in the gateway): no duplicated logic, and virtual time
 * shows the waits without sleeping.
 */
class ReactivePoliciesTest {

    private final ResiliencePolicies policies = new ResiliencePolicies(new ResilienceProperties(null,
            Map.of("gateway", new ClientProperties(null, null, null, null, null,
                    new CircuitBreakerProperties(50f, null, null, null, 4, 4, Duration.ofMinutes(1), null, null)))));

    @Test
    void retriesFailureStatusesAndHonoursRetryAfterInVirtualTime() {
        // Two waits of 8 s (Retry-After, within the 10 s cap): nothing may happen before 16 s of virtual time.
        Retry retry = Retry.of("gateway", this.policies.retryConfig("gateway"));
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> call = Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.<String>error(new HttpStatusFailure(503, Duration.ofSeconds(8)))
                : Mono.just("ok"));

        StepVerifier.withVirtualTime(() -> call.transformDeferred(RetryOperator.of(retry)))
            .expectSubscription()
            .expectNoEvent(Duration.ofSeconds(15))
            .thenAwait(Duration.ofSeconds(2))
            .expectNext("ok")
            .verifyComplete();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aNonRetryableStatusIsNotRetried() {
        Retry retry = Retry.of("gateway", this.policies.retryConfig("gateway"));
        AtomicInteger attempts = new AtomicInteger();

        StepVerifier.create(Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.<String>error(new HttpStatusFailure(500, null));
        }).transformDeferred(RetryOperator.of(retry))).expectError(HttpStatusFailure.class).verify();

        assertThat(attempts).hasValue(1);
    }

    @Test
    void theBreakerOpensAndRefusesWithTheSameConfig() {
        CircuitBreaker breaker = CircuitBreaker.of("gateway", this.policies.circuitBreakerConfig("gateway"));
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> failing = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.<String>error(new HttpStatusFailure(502, null));
        }).transformDeferred(CircuitBreakerOperator.of(breaker));

        for (int i = 0; i < 4; i++) {
            StepVerifier.create(failing).expectError(HttpStatusFailure.class).verify();
        }
        StepVerifier.create(failing).expectError(CallNotPermittedException.class).verify();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(attempts).hasValue(4);
    }
}
