package dev.switchboard.samples.fault;

import static dev.switchboard.samples.HttpJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.samples.HttpJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Faults changed through {@code /admin/faults} act on API requests and health, never on health checks' reachability. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "FAULT_ERROR_STATUS=503")
@ActiveProfiles("analytics-api")
class FaultInjectionIT {

    private static final String API = "/api/v1/analyze/summary?values=1,2,3";

    @LocalServerPort
    int port;

    private HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson(port);
    }

    @AfterEach
    void clearFaults() {
        assertThat(http.delete("/admin/faults").statusCode()).isEqualTo(200);
    }

    @Test
    void errorRateOneFailsEveryApiRequestWithTheChosenStatus() {
        assertThat(http.put("/admin/faults", "{\"errorRate\": 1, \"errorStatus\": 500}").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = http.get(API);
            assertThat(assertProblem(failed, 500)).contains("on purpose");
            assertThat(HttpJson.json(failed).path("type").asString()).isEqualTo("urn:switchboard:problem:injected-fault");
            assertThat(HttpJson.json(failed).path("requestId").asString()).isNotBlank();
        }
        assertThat(http.get("/health").statusCode()).as("health is not an API request").isEqualTo(200);
        http.delete("/admin/faults");
        assertThat(http.get(API).statusCode()).isEqualTo(200);
    }

    @Test
    void halfTheRequestsFailAtRateOneHalf() {
        http.put("/admin/faults", "{\"errorRate\": 0.5}");
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (http.get(API).statusCode() == 503) {
                failed++;
            }
        }
        // Binomial(200, 0.5): outside 60..140 has probability below 1e-8.
        assertThat(failed).isBetween(60, 140);
    }

    @Test
    void latencyDelaysApiRequests() {
        http.put("/admin/faults", "{\"latencyMs\": 400}");
        long start = System.nanoTime();
        assertThat(http.get(API).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
        assertThat(http.getOk("/admin/faults").path("latencyMs").asLong()).isEqualTo(400);
    }

    @Test
    void unhealthySwitchTurnsHealthAndReadinessDownButNotLiveness() {
        http.put("/admin/faults", "{\"unhealthy\": true}");
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(HttpJson.json(health).path("status").asString()).isEqualTo("DOWN");
        assertThat(HttpJson.json(health).path("checks").path("faults").asString()).isEqualTo("DOWN");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(HttpJson.json(readiness).path("status").asString()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get(API).statusCode()).as("an unhealthy instance still answers if called").isEqualTo(200);

        http.delete("/admin/faults");
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void badSettingsAre400AndChangeNothing() {
        http.put("/admin/faults", "{\"latencyMs\": 5}");
        assertProblem(http.put("/admin/faults", "{\"errorRate\": 1.5}"), 400);
        assertProblem(http.put("/admin/faults", "{\"errorStatus\": 404}"), 400);
        assertProblem(http.put("/admin/faults", "{\"latencyMs\": -1}"), 400);
        assertProblem(http.put("/admin/faults", "{\"unhealthy\": \"maybe\"}"), 400);
        assertProblem(http.put("/admin/faults", "not json"), 400);
        JsonNode current = http.getOk("/admin/faults");
        assertThat(current.path("latencyMs").asLong()).isEqualTo(5);
        assertThat(current.path("errorRate").asDouble()).isZero();
    }
}
