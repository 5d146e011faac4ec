package dev.switchboard.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import dev.switchboard.resilience.ResilienceProperties.RetryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The README's reactive recipe (WebClient + the shared policy), against a real local server. */
class ReactiveRecipeIT {

    static final WireMockServer stub = started();

    private final ResiliencePolicies policies = new ResiliencePolicies(new ResilienceProperties(null,
            Map.of("vector", new ClientProperties(null, null, null, null,
                    new RetryProperties(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50), 0.2, null, null, null,
                            null),
                    null))));

    private final CircuitBreakerRegistry circuitBreakerRegistry = CircuitBreakerRegistry.ofDefaults();

    private final RetryRegistry retryRegistry = RetryRegistry.ofDefaults();

    private final RetryAfter retryAfter = new RetryAfter(Clock.systemUTC());

    private final WebClient webClient = WebClient.create(stub.baseUrl());

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopStub() {
        stub.stop();
    }

    @BeforeEach
    void reset() {
        stub.resetAll();
    }

    @Test
    void retriesAFailureStatusThenSucceeds() {
        String scenario = "503 twice";
        stub.stubFor(get("/search").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
        stub.stubFor(get("/search").inScenario(scenario).whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("twice"));
        stub.stubFor(get("/search").inScenario(scenario).whenScenarioStateIs("twice")
            .willReturn(aResponse().withStatus(200).withBody("ok")));

        StepVerifier.create(call("/search")).expectNext("ok").expectComplete().verify(Duration.ofSeconds(10));

        stub.verify(3, getRequestedFor(urlEqualTo("/search")));
        assertThat(this.circuitBreakerRegistry.circuitBreaker("vector").getMetrics().getNumberOfFailedCalls())
            .isEqualTo(2);
    }

    @Test
    void aNonRetried500FailsOnceAndCountsForTheBreaker() {
        stub.stubFor(get("/broken").willReturn(aResponse().withStatus(500)));

        StepVerifier.create(call("/broken"))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(HttpStatusFailure.class,
                    failure -> assertThat(failure.status()).isEqualTo(500)))
            .verify(Duration.ofSeconds(10));

        stub.verify(1, getRequestedFor(urlEqualTo("/broken")));
        assertThat(this.circuitBreakerRegistry.circuitBreaker("vector").getMetrics().getNumberOfFailedCalls())
            .isEqualTo(1);
    }

    /** As in the README. */
    private Mono<String> call(String path) {
        Retry retry = this.retryRegistry.retry("vector", this.policies.retryConfig("vector"));
        CircuitBreaker breaker = this.circuitBreakerRegistry.circuitBreaker("vector",
                this.policies.circuitBreakerConfig("vector"));
        return this.webClient.get().uri(path).exchangeToMono(response -> {
            int status = response.statusCode().value();
            if (status >= 500 || this.policies.isRetryableStatus("vector", status)) {
                Duration wait = this.retryAfter.parse(response.headers().asHttpHeaders().getFirst("Retry-After"))
                    .orElse(null);
                return response.releaseBody().then(Mono.error(new HttpStatusFailure(status, wait)));
            }
            return response.bodyToMono(String.class);
        }).transformDeferred(CircuitBreakerOperator.of(breaker)).transformDeferred(RetryOperator.of(retry));
    }
}
