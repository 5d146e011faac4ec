package dev.switchboard.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.resilience.TestApplication.RecordingSleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The RestClient-based clients against a real local HTTP server (WireMock), configured from yml. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.NONE)
class ResilientHttpClientsIT {

    static final WireMockServer stub = started();

    @Autowired
    ResilientHttpClients clients;

    @Autowired
    RecordingSleeper sleeper;

    @Autowired
    CircuitBreakerRegistry breakers;

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
        this.sleeper.clear();
        this.breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @Test
    void retriesOn503ThenSucceeds() {
        failTwiceThenSucceed("/items", aResponse().withStatus(503));

        String body = this.clients.get("flaky").get().uri("/items").retrieve().body(String.class);

        assertThat(body).isEqualTo("ok");
        stub.verify(3, getRequestedFor(urlEqualTo("/items")));
        // initial-backoff 100ms, multiplier 2, jitter 0.2: recorded by the sleeper, nothing actually waited.
        assertThat(this.sleeper.waits()).hasSize(2);
        assertThat(this.sleeper.waits().get(0).toMillis()).isBetween(80L, 120L);
        assertThat(this.sleeper.waits().get(1).toMillis()).isBetween(160L, 240L);
    }

    @Test
    void givesUpAfterMaxAttemptsWithClientNameAttemptsAndStatus() {
        stub.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

        ResilientCallException failure = catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("flaky").get().uri("/down").retrieve().toBodilessEntity());

        assertThat(failure.clientName()).isEqualTo("flaky");
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.lastStatus()).hasValue(503);
        assertThat(failure.isCircuitOpen()).isFalse();
        assertThat(failure).hasMessageContaining("flaky").hasMessageContaining("3 attempts").hasMessageContaining("503");
        stub.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void honoursRetryAfterWithinTheCap() {
        failTwiceThenSucceed("/busy", aResponse().withStatus(429).withHeader("Retry-After", "2"));

        this.clients.get("flaky").get().uri("/busy").retrieve().toBodilessEntity();

        assertThat(this.sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void retryAfterBeyondTheCapEndsTheCallAtOnce() {
        stub.stubFor(get("/later").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

        ResilientCallException failure = catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("flaky").get().uri("/later").retrieve().toBodilessEntity());

        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(this.sleeper.waits()).isEmpty();
    }

    @Test
    void neverRetriesAPlainPost() {
        stub.stubFor(post("/jobs").willReturn(aResponse().withStatus(503)));

        ResilientCallException failure = catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("flaky").post().uri("/jobs").body("{}").retrieve().toBodilessEntity());

        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.lastStatus()).hasValue(503);
        stub.verify(1, postRequestedFor(urlEqualTo("/jobs")));
    }

    @Test
    void retriesAPostThatCarriesAnIdempotencyKey() {
        failTwiceThenSucceed("/jobs", post("/jobs"), aResponse().withStatus(503));

        this.clients.get("flaky").post().uri("/jobs").header("Idempotency-Key", "job-1").body("{\"n\":1}")
            .retrieve().toBodilessEntity();

        stub.verify(3, postRequestedFor(urlEqualTo("/jobs")));
        // The body is sent again on every attempt, over plain HTTP/1.1 (no h2c upgrade attempt).
        assertThat(stub.findAll(postRequestedFor(urlEqualTo("/jobs")))).allSatisfy(request -> {
            assertThat(request.getBodyAsString()).isEqualTo("{\"n\":1}");
            assertThat(request.containsHeader("Upgrade")).isFalse();
        });
    }

    @Test
    void retriesAPostMarkedIdempotentByAttribute() {
        failTwiceThenSucceed("/jobs", post("/jobs"), aResponse().withStatus(502));

        this.clients.get("flaky").post().uri("/jobs").attributes(ResilientHttpClients.idempotent()).body("{}")
            .retrieve().toBodilessEntity();

        stub.verify(3, postRequestedFor(urlEqualTo("/jobs")));
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutFailsAsATimeoutAndIsRetried() {
        failTwiceThenSucceed("/slow", aResponse().withStatus(200).withFixedDelay(3000));

        String body = this.clients.get("flaky").get().uri("/slow").retrieve().body(String.class);

        assertThat(body).isEqualTo("ok");
        stub.verify(3, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void aResponseSlowerThanTheAttemptTimeoutFailsAsATimeout() {
        stub.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        ResilientCallException failure = catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("limited").get().uri("/slow").retrieve().toBodilessEntity());

        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.lastStatus()).isEmpty();
        assertThat(failure).hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    }

    @Test
    void aResetConnectionIsRetried() {
        failTwiceThenSucceed("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        String body = this.clients.get("flaky").get().uri("/reset").retrieve().body(String.class);

        assertThat(body).isEqualTo("ok");
        stub.verify(3, getRequestedFor(urlEqualTo("/reset")));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedWithItsCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ResilientCallException failure = catchThrowableOfType(ResilientCallException.class,
                () -> this.clients.get("flaky").get().uri("http://127.0.0.1:" + closedPort + "/x").retrieve()
                    .toBodilessEntity());

        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.lastStatus()).isEmpty();
        assertThat(failure).hasCauseInstanceOf(ConnectException.class);
        assertThat(this.sleeper.waits()).hasSize(2);
    }

    @Test
    void twoClientsFromYmlBehaveDifferently() {
        stub.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> this.clients.get("strict").get().uri("/down").retrieve().toBodilessEntity())
            .isInstanceOfSatisfying(ResilientCallException.class, f -> assertThat(f.attempts()).isEqualTo(1));
        assertThatThrownBy(() -> this.clients.get("flaky").get().uri("/down").retrieve().toBodilessEntity())
            .isInstanceOfSatisfying(ResilientCallException.class, f -> assertThat(f.attempts()).isEqualTo(3));
        stub.verify(4, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void aNonRetryableStatusIsAnOrdinaryResponse() {
        stub.stubFor(get("/missing").willReturn(aResponse().withStatus(404)));

        var response = this.clients.get("flaky").get().uri("/missing").exchange((request, r) -> r.getStatusCode());

        assertThat(response.value()).isEqualTo(404);
        stub.verify(1, getRequestedFor(urlEqualTo("/missing")));
    }

    @Test
    void theRetryBudgetStopsRetriesInAFailureStormAndRefillsOnSuccess() {
        stub.stubFor(get("/storm").willReturn(aResponse().withStatus(503)));
        stub.stubFor(get("/fine").willReturn(aResponse().withStatus(200)));
        RestClient budgeted = this.clients.get("budgeted");

        // 6 tokens; a retry needs more than 3 left: the first call may retry twice (6 -> 5 -> 4 -> 3, refused).
        ResilientCallException first = catchThrowableOfType(ResilientCallException.class,
                () -> budgeted.get().uri("/storm").retrieve().toBodilessEntity());
        ResilientCallException second = catchThrowableOfType(ResilientCallException.class,
                () -> budgeted.get().uri("/storm").retrieve().toBodilessEntity());

        assertThat(first.attempts()).isEqualTo(3);
        assertThat(second.attempts()).isEqualTo(1);
        stub.verify(4, getRequestedFor(urlEqualTo("/storm")));

        // Successes refill the bucket (0.5 each): 2 + 6 * 0.5 = 5 tokens, enough for one more retry.
        for (int i = 0; i < 6; i++) {
            budgeted.get().uri("/fine").retrieve().toBodilessEntity();
        }
        ResilientCallException afterRefill = catchThrowableOfType(ResilientCallException.class,
                () -> budgeted.get().uri("/storm").retrieve().toBodilessEntity());
        assertThat(afterRefill.attempts()).isEqualTo(2);
    }

    private void failTwiceThenSucceed(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        failTwiceThenSucceed(path, get(path), failure);
    }

    private void failTwiceThenSucceed(String path, com.github.tomakehurst.wiremock.client.MappingBuilder request,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        String scenario = "fail-twice " + path;
        stub.stubFor(request.inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willReturn(failure)
            .willSetStateTo("failed once"));
        stub.stubFor(copy(request, path).inScenario(scenario).whenScenarioStateIs("failed once").willReturn(failure)
            .willSetStateTo("failed twice"));
        stub.stubFor(copy(request, path).inScenario(scenario).whenScenarioStateIs("failed twice")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder copy(
            com.github.tomakehurst.wiremock.client.MappingBuilder request, String path) {
        return request.build().getRequest().getMethod().getName().equals("POST") ? post(path) : get(path);
    }
}
