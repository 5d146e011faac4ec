package dev.switchboard.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A WireMock backend goes down and recovers; the collector reports both within two poll intervals. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StatusTrackingIT {

    static final Duration INTERVAL = Duration.ofMillis(300);
    static final WireMockServer backend = started();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ok\"}")));
        return server;
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.collector.summary-refresh", () -> "500ms");
        registry.add("switchboard.collector.interval", () -> INTERVAL.toMillis() + "ms");
        registry.add("switchboard.collector.timeout", () -> "2s");
        registry.add("switchboard.collector.static-targets.vector-api", () -> "http://localhost:" + backend.port());
        registry.add("switchboard.collector.history.data-dir", () -> "target/it-data/" + java.util.UUID.randomUUID());
        registry.add("eureka.client.enabled", () -> "false");
    }

    @Test
    void reportsDownWithinTwoIntervalsAndUpAfterRecovery() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(metrics()).contains("\"service\":\"vector-api\",\"status\":\"UP\""));

        backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"DOWN\"}")));
        // Two intervals, plus one for the HTTP round trips of this check itself.
        await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(metrics()).contains("\"service\":\"vector-api\",\"status\":\"DOWN\"")
                        .contains("\"httpStatus\":503"));

        backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ok\"}")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(metrics()).contains("\"service\":\"vector-api\",\"status\":\"UP\""));
    }

    @Test
    void servesHistoryAndSummaryOfAWatchedService() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> history = call("/api/v1/metrics/vector-api?step=1s");
            assertThat(history.statusCode()).isEqualTo(200);
            assertThat(history.body()).contains("\"service\":\"vector-api\"").contains("\"history\":[{");
            HttpResponse<String> summary = call("/api/v1/metrics/summary");
            assertThat(summary.body()).contains("\"service\":\"vector-api\"").contains("\"availability1h\":");
        });
    }

    @Test
    void exportsPerTargetGaugesToPrometheus() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String text = call("/actuator/prometheus").body();
            assertThat(text).containsPattern("collector_target_up\\{[^}]*service=\"vector-api\"[^}]*} [01]\\.0")
                    .containsPattern("collector_target_response_time_seconds\\{[^}]*service=\"vector-api\"[^}]*} \\d");
        });
    }

    @Test
    void rejectsUnknownServicesAndBadRangesWithProblems() throws Exception {
        assertProblem(call("/api/v1/metrics/no-such-service"), 404, "unknown-service");
        assertProblem(call("/api/v1/metrics/vector-api?from=yesterday"), 400, "invalid-time-range");
        assertProblem(call("/api/v1/metrics/vector-api?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z"), 400,
                "invalid-time-range");
        assertProblem(call("/api/v1/metrics/vector-api?step=-5s"), 400, "invalid-time-range");
        assertProblem(call("/api/v1/metrics/vector-api?step=banana"), 400, "invalid-time-range");
        assertProblem(call("/api/v1/metrics/vector-api?from=2026-01-01T00:00:00Z&step=1ms"), 400, "invalid-time-range");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:switchboard:problem:" + kind).contains("\"detail\":");
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = call("/api/v1/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> call(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
