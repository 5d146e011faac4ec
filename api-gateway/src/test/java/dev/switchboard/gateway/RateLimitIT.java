package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "switchboard.gateway.rate-limit.mode=memory",
        "switchboard.gateway.rate-limit.routes.vector-stats.replenish-rate=1",
        "switchboard.gateway.rate-limit.routes.vector-stats.burst-capacity=2",
        // The edge authentication refuses unknown keys; clients are charged by the key's name (SHA-256 of the key).
        "switchboard.gateway.auth.api-keys[0].name=client-a",
        "switchboard.gateway.auth.api-keys[0].sha256=e0b107f9f96f69a2b6165a2ac7ae551643a4240881e2c14a01e8e9a56212a39a",
        "switchboard.gateway.auth.api-keys[1].name=client-b",
        "switchboard.gateway.auth.api-keys[1].sha256=32e00e98e076eaa0011b1e93d848b91009ed571b7ab0c469cf6e39d5b24655fa",
        "switchboard.gateway.auth.api-keys[2].name=warm-up",
        "switchboard.gateway.auth.api-keys[2].sha256=b64f459893b6709b0efefe5a5a61b8a557b80176fe6c6bbf5d554e9f77ec0f0c" })
class RateLimitIT {

    @RegisterExtension
    static WireMockExtension vector = Backends.backend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("switchboard.gateway.instances.always.vector-api", () -> Backends.url(vector));
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        Backends.answerAsItself(vector, "vector");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/search?q=warm-up", "X-API-Key", "warm-up").statusCode()).isEqualTo(200));
    }

    @Test
    void overTheLimitIs429WithHeadersAndTheBucketRefills() {
        String key = "client-a";
        HttpResponse<String> first = gateway.get("/api/v1/stats", "X-API-Key", key);
        HttpResponse<String> second = gateway.get("/api/v1/stats", "X-API-Key", key);
        HttpResponse<String> refused = gateway.get("/api/v1/stats", "X-API-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.body()).contains("\"type\":\"urn:switchboard:problem:rate-limited\"").contains("\"route\":\"vector-stats\"");

        assertThat(gateway.get("/api/v1/stats", "X-API-Key", "client-b").statusCode())
                .as("another client has its own bucket").isEqualTo(200);
        assertThat(gateway.get("/api/v1/search?q=x", "X-API-Key", key).statusCode())
                .as("another route has its own bucket").isEqualTo(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/stats", "X-API-Key", key).statusCode()).isEqualTo(200));
    }

    @Test
    void clientsWithoutKeyAreLimitedByAddressAndRefusalsAreCounted() {
        long before = rateLimited();
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            if (gateway.get("/api/v1/stats").statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(1);
        int expected = refused;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rateLimited() - before).isEqualTo(expected));
    }

    private long rateLimited() {
        JsonNode stats = JsonMapper.builder().build().readTree(gateway.get("/api/v1/gateway/stats").body());
        for (JsonNode route : stats.path("routes")) {
            if (route.path("id").asText().equals("vector-stats")) {
                assertThat(stats.path("totals").path("rateLimited").asLong()).isGreaterThanOrEqualTo(route.path("rateLimited").asLong());
                return route.path("rateLimited").asLong();
            }
        }
        throw new AssertionError("no vector-stats route in " + stats);
    }
}
