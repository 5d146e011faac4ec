package dev.switchboard.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The breaker of the "breaker" client (window of 4 calls, opens at 50% failures, 500 ms OPEN, one trial call)
 * against WireMock, and the {@code resilience} Actuator endpoint over real HTTP.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CircuitBreakerIT {

    /** The admin key whose digest the test application.yml configures. */
    private static final String ADMIN_KEY = "resilience-test-admin-key";

    static final WireMockServer stub = started();

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ResilientHttpClients clients;

    @DynamicPropertySource
    static void stubUrl(DynamicPropertyRegistry registry) {
        registry.add("stub.url", stub::baseUrl);
    }

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
        this.clients.circuitBreaker("breaker").reset();
        stub.stubFor(get("/fail").willReturn(aResponse().withStatus(500)));
        stub.stubFor(get("/ok").willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Test
    void opensAfterTheThresholdRefusesWithoutReachingTheServerThenHalfOpensAndCloses(CapturedOutput output) {
        CircuitBreaker breaker = this.clients.circuitBreaker("breaker");
        for (int i = 0; i < 4; i++) {
            assertThat(call("/fail").value()).isEqualTo(500);
        }
        assertThat(breaker.getState()).isEqualTo(State.OPEN);

        ResilientCallException refused = catchThrowableOfType(ResilientCallException.class, () -> call("/ok"));
        assertThat(refused.isCircuitOpen()).isTrue();
        assertThat(refused.attempts()).isZero();
        assertThat(refused).hasMessageContaining("circuit breaker is open");
        stub.verify(0, getRequestedFor(urlEqualTo("/ok")));

        await().atMost(Duration.ofSeconds(5)).until(breaker::getState, State.HALF_OPEN::equals);
        assertThat(call("/ok").value()).isEqualTo(200);
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);

        assertThat(output.getAll()).containsOnlyOnce("Circuit breaker 'breaker' CLOSED -> OPEN")
            .containsOnlyOnce("Circuit breaker 'breaker' OPEN -> HALF_OPEN")
            .containsOnlyOnce("Circuit breaker 'breaker' HALF_OPEN -> CLOSED");
    }

    @Test
    void reopensWhenTheTrialCallInHalfOpenFails() {
        CircuitBreaker breaker = this.clients.circuitBreaker("breaker");
        for (int i = 0; i < 4; i++) {
            call("/fail");
        }
        await().atMost(Duration.ofSeconds(5)).until(breaker::getState, State.HALF_OPEN::equals);

        assertThat(call("/fail").value()).isEqualTo(500);

        assertThat(breaker.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void belowTheMinimumNumberOfCallsTheBreakerStaysClosed() {
        for (int i = 0; i < 3; i++) {
            call("/fail");
        }
        assertThat(this.clients.circuitBreaker("breaker").getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void slowCallsAboveTheSlowCallRateOpenTheBreaker() {
        stub.stubFor(get("/sluggish").willReturn(aResponse().withStatus(200).withFixedDelay(300)));
        RestClient slowish = this.clients.get("slowish");
        this.clients.circuitBreaker("slowish").reset();

        slowish.get().uri("/sluggish").retrieve().toBodilessEntity();
        slowish.get().uri("/sluggish").retrieve().toBodilessEntity();

        assertThat(this.clients.circuitBreaker("slowish").getState()).isEqualTo(State.OPEN);
        assertThat(this.clients.circuitBreaker("slowish").getMetrics().getNumberOfSlowSuccessfulCalls()).isEqualTo(2);
    }

    @Test
    void aTimeBasedWindowOpensOnFailuresWithinItsSeconds() {
        RestClient timed = this.clients.get("timed");
        this.clients.circuitBreaker("timed").reset();
        for (int i = 0; i < 3; i++) {
            timed.get().uri("/fail").exchange((request, response) -> response.getStatusCode());
        }
        assertThat(this.clients.circuitBreaker("timed").getState()).isEqualTo(State.OPEN);
        assertThat(this.clients.circuitBreaker("timed").getCircuitBreakerConfig().getSlidingWindowType().name())
            .isEqualTo("TIME_BASED");
    }

    @Test
    void a429IsNeitherFailureNorSuccessForTheBreaker() {
        stub.stubFor(get("/throttled").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("breaker").get().uri("/throttled").retrieve().toBodilessEntity());

        assertThat(this.clients.circuitBreaker("breaker").getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void clientsSharingSettingsHaveTheirOwnBreakers() {
        RestClient first = this.clients.get("breaker:instance-1", "breaker");
        RestClient second = this.clients.get("breaker:instance-2", "breaker");

        for (int i = 0; i < 4; i++) {
            first.get().uri("/fail").exchange((request, response) -> response.getStatusCode());
        }

        assertThat(this.clients.circuitBreaker("breaker:instance-1").getState()).isEqualTo(State.OPEN);
        assertThat(this.clients.circuitBreaker("breaker:instance-1").getCircuitBreakerConfig().getMinimumNumberOfCalls())
            .as("settings of 'breaker'").isEqualTo(4);
        assertThat(second.get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");
        assertThat(this.clients.circuitBreaker("breaker:instance-2").getState()).isEqualTo(State.CLOSED);
        assertThat(this.clients.get("breaker:instance-1", "breaker")).isSameAs(first);
    }

    @Test
    void endpointListsBreakersAndForcesOpenAndResetsOverHttp() throws Exception {
        call("/ok");

        HttpResponse<String> list = actuator("GET", "/actuator/resilience", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode breaker = this.json.readTree(list.body()).path("circuitBreakers").path("breaker");
        assertThat(breaker.path("state").asString()).isEqualTo("CLOSED");
        assertThat(breaker.path("successfulCalls").asInt()).isEqualTo(1);

        HttpResponse<String> forced = actuator("POST", "/actuator/resilience/breaker", "{\"action\":\"force-open\"}");
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(forced.body()).path("state").asString()).isEqualTo("FORCED_OPEN");
        ResilientCallException refused = catchThrowableOfType(ResilientCallException.class, () -> call("/ok"));
        assertThat(refused.isCircuitOpen()).isTrue();
        stub.verify(1, getRequestedFor(urlEqualTo("/ok")));

        HttpResponse<String> reset = actuator("POST", "/actuator/resilience/breaker", "{\"action\":\"reset\"}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(reset.body()).path("state").asString()).isEqualTo("CLOSED");
        assertThat(call("/ok").value()).isEqualTo(200);
        stub.verify(2, getRequestedFor(urlEqualTo("/ok")));

        HttpResponse<String> one = actuator("GET", "/actuator/resilience/breaker", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(one.body()).path("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void endpointNeedsTheAdminKeyAndChangesNothingWithoutIt() throws Exception {
        call("/ok");

        HttpResponse<String> refused = actuator("POST", "/actuator/resilience/breaker", "{\"action\":\"force-open\"}",
                "not-the-admin-key");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(this.clients.circuitBreaker("breaker").getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void endpointRejectsAnUnknownActionAndAnUnknownBreakerAndChangesNothing() throws Exception {
        call("/ok");

        HttpResponse<String> badAction = actuator("POST", "/actuator/resilience/breaker", "{\"action\":\"explode\"}");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(this.json.readTree(badAction.body()).path("detail").asString())
            .isEqualTo("action must be 'reset' or 'force-open'");
        HttpResponse<String> missingAction = actuator("POST", "/actuator/resilience/breaker", "{}");
        assertThat(missingAction.statusCode()).isEqualTo(400);
        assertThat(this.clients.circuitBreaker("breaker").getState()).isEqualTo(State.CLOSED);

        assertThat(actuator("POST", "/actuator/resilience/nope", "{\"action\":\"reset\"}").statusCode()).isEqualTo(404);
        assertThat(actuator("GET", "/actuator/resilience/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void breakerAndRetryMetricsAreOnPrometheus() throws Exception {
        call("/ok");
        this.clients.get("flaky").get().uri("/ok").retrieve().toBodilessEntity();

        HttpResponse<String> scrape = actuator("GET", "/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("resilience4j_circuitbreaker_state{name=\"breaker\",state=\"closed\"} 1.0")
            .contains("resilience4j_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"breaker\"}")
            .containsPattern("resilience4j_retry_calls_total\\{kind=\"successful_without_retry\",name=\"flaky\"\\} [1-9]")
            .contains("switchboard_resilience_retry_budget_tokens{name=\"flaky\"} 10000.0");
    }

    private HttpStatusCode call(String path) {
        return this.clients.get("breaker").get().uri(path).exchange((request, response) -> response.getStatusCode());
    }

    private HttpResponse<String> actuator(String method, String path, String body) throws Exception {
        return actuator(method, path, body, ADMIN_KEY);
    }

    private HttpResponse<String> actuator(String method, String path, String body, String adminKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Admin-Key", adminKey);
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
        }
        return this.http.send(request.build(), BodyHandlers.ofString());
    }
}
