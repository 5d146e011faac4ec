package dev.switchboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "switchboard.http.max-body-size=1KB",
        "switchboard.gateway.aggregates.partial.timeout=1s",
        "switchboard.gateway.aggregates.partial.parts.ok=lb://vector-api/api/v1/stats",
        "switchboard.gateway.aggregates.partial.parts.down=http://127.0.0.1:1/nothing",
        "switchboard.gateway.aggregates.partial.parts.slow=lb://analytics-api/api/v1/analyze/slow",
        "switchboard.gateway.aggregates.partial.parts.broken=lb://etl-api/api/v1/etl/broken" })
class RoutingIT {

    @RegisterExtension
    static WireMockExtension vectorA = Backends.backend();
    @RegisterExtension
    static WireMockExtension vectorB = Backends.backend();
    @RegisterExtension
    static WireMockExtension analytics = Backends.backend();
    @RegisterExtension
    static WireMockExtension etl = Backends.backend();
    @RegisterExtension
    static WireMockExtension queue = Backends.backend();
    @RegisterExtension
    static WireMockExtension collector = Backends.backend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("switchboard.gateway.instances.always.vector-api", () -> Backends.url(vectorA) + "," + Backends.url(vectorB));
        registry.add("switchboard.gateway.instances.always.analytics-api", () -> Backends.url(analytics));
        registry.add("switchboard.gateway.instances.always.etl-api", () -> Backends.url(etl));
        registry.add("switchboard.gateway.instances.without-eureka.message-queue", () -> Backends.url(queue));
        registry.add("switchboard.gateway.instances.without-eureka.metrics-collector", () -> Backends.url(collector));
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        Backends.answerAsItself(vectorA, "vector");
        Backends.answerAsItself(vectorB, "vector");
        Backends.answerAsItself(analytics, "analytics");
        Backends.answerAsItself(etl, "etl");
        Backends.answerAsItself(queue, "queue");
        Backends.answerAsItself(collector, "collector");
    }

    @Test
    void everySeedEndpointReachesItsBackendWithMethodPathQueryAndRequestId() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200));

        assertRouted(gateway.get("/api/v1/search?query=vector+database&k=3", "X-Request-Id", "search-1"), "vector");
        assertRouted(gateway.get("/api/v1/stats"), "vector");
        assertRouted(gateway.post("/api/v1/embed", "{\"texts\":[\"a\"]}"), "vector");
        assertRouted(gateway.post("/api/v1/analyze/summary", "{\"values\":[1,2]}"), "analytics");
        assertRouted(gateway.get("/api/v1/etl/jobs"), "etl");
        assertRouted(gateway.method("PUT", "/api/v1/etl/jobs/7", "{}"), "etl");
        assertRouted(gateway.method("DELETE", "/api/v1/etl/jobs/7", ""), "etl");
        assertRouted(gateway.post("/api/v1/queue/etl/publish", "{\"body\":1}"), "queue");
        assertRouted(gateway.get("/api/v1/queues"), "queue");
        assertRouted(gateway.get("/api/v1/metrics/summary"), "collector");

        int searches = vectorA.findAll(getRequestedFor(urlPathEqualTo("/api/v1/search"))).size()
                + vectorB.findAll(getRequestedFor(urlPathEqualTo("/api/v1/search"))).size();
        assertThat(searches).isEqualTo(1);
        var forwarded = (vectorA.findAll(getRequestedFor(urlPathEqualTo("/api/v1/search"))).isEmpty() ? vectorB : vectorA)
                .findAll(getRequestedFor(urlEqualTo("/api/v1/search?query=vector+database&k=3"))
                        .withHeader("X-Request-Id", equalTo("search-1")));
        assertThat(forwarded).hasSize(1);
        assertThat(vectorA.findAll(postRequestedFor(urlEqualTo("/api/v1/embed"))).size()
                + vectorB.findAll(postRequestedFor(urlEqualTo("/api/v1/embed"))).size()).isEqualTo(1);
        analytics.verify(postRequestedFor(urlEqualTo("/api/v1/analyze/summary")));
        etl.verify(putRequestedFor(urlEqualTo("/api/v1/etl/jobs/7")));
        etl.verify(deleteRequestedFor(urlEqualTo("/api/v1/etl/jobs/7")));
        queue.verify(postRequestedFor(urlEqualTo("/api/v1/queue/etl/publish")).withRequestBody(equalTo("{\"body\":1}")));
        collector.verify(getRequestedFor(urlEqualTo("/api/v1/metrics/summary")));
    }

    @Test
    void routeMethodsAreEnforcedByPredicates() {
        HttpResponse<String> response = gateway.method("DELETE", "/api/v1/search", "");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void roundRobinSpreadsRequestsOverBothInstances() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200);
            }
            assertThat(vectorA.findAll(getRequestedFor(urlEqualTo("/api/v1/stats")))).isNotEmpty();
            assertThat(vectorB.findAll(getRequestedFor(urlEqualTo("/api/v1/stats")))).isNotEmpty();
        });
    }

    @Test
    void generatesRequestIdWhenAbsentAndReplacesMalformedOnes() {
        HttpResponse<String> generated = gateway.get("/health");
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        HttpResponse<String> replaced = gateway.get("/health", "X-Request-Id", "bad id with spaces");
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(gateway.get("/health", "X-Request-Id", "abc-123").headers().firstValue("X-Request-Id")).hasValue("abc-123");
    }

    @Test
    void theBackendGetsTheRequestIdTheClientGetsBackGeneratedOrReplaced() {
        analytics.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/analyze/ids"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        HttpResponse<String> generated = gateway.get("/api/v1/analyze/ids?case=generated");
        HttpResponse<String> replaced = gateway.get("/api/v1/analyze/ids?case=replaced", "X-Request-Id", "bad id with spaces");

        for (HttpResponse<String> response : List.of(generated, replaced)) {
            assertThat(response.statusCode()).isEqualTo(200);
            String returned = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(returned).hasSize(36);
            String path = response.uri().getRawPath() + "?" + response.uri().getRawQuery();
            assertThat(analytics.findAll(getRequestedFor(urlEqualTo(path))))
                    .singleElement()
                    .satisfies(received -> assertThat(received.getHeaders().getHeader("X-Request-Id").values())
                            .containsExactly(returned));
        }
    }

    @Test
    void aBackendEchoingTheRequestIdDoesNotDuplicateIt() {
        analytics.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/v1/analyze/echo"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "echo-1").withBody("{}")));

        HttpResponse<String> response = gateway.get("/api/v1/analyze/echo", "X-Request-Id", "echo-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("echo-1");
    }

    @Test
    void healthIsServedByTheGatewayItself() {
        HttpResponse<String> health = gateway.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"service\":\"api-gateway\"");
    }

    @Test
    void unknownPathIsProblemJson404() {
        HttpResponse<String> response = gateway.get("/api/v1/nowhere", "X-Request-Id", "lost-1");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:switchboard:problem:not-found\"")
                .contains("\"instance\":\"/api/v1/nowhere\"").contains("\"requestId\":\"lost-1\"");
    }

    @Test
    void oversizedBodyIs413AndNeverReachesTheBackend() {
        HttpResponse<String> response = gateway.post("/api/v1/analyze/summary", "x".repeat(2048));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"urn:switchboard:problem:content-too-large\"");
        analytics.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/analyze/summary")));
    }

    @Test
    void malformedHeaderIs400NotAServerError() throws Exception {
        String status = rawStatusLine("GET /api/v1/stats HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n");
        assertThat(status).startsWith("HTTP/1.1 400");
        String badLength = rawStatusLine("POST /api/v1/embed HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n");
        assertThat(badLength).startsWith("HTTP/1.1 400");
    }

    @Test
    void malformedContentTypeIs400ProblemJson() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/embed")
                .header("Content-Type", "not a media type;;").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(response.statusCode()).isLessThan(500);
    }

    @Test
    void statisticsCountWhatHappenedFromTheSameMetersPrometheusScrapes() {
        analytics.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/analyze/broken"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200));
        JsonNode before = stats();

        for (int i = 0; i < 3; i++) {
            assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200);
        }
        assertThat(gateway.post("/api/v1/analyze/broken", "{}").statusCode()).isEqualTo(500);
        assertThat(gateway.get("/api/v1/nowhere").statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode after = stats();
            assertThat(route(after, "vector-stats").path("requests").asLong() - route(before, "vector-stats").path("requests").asLong()).isEqualTo(3);
            assertThat(route(after, "vector-stats").path("responses").path("2xx").asLong()
                    - route(before, "vector-stats").path("responses").path("2xx").asLong()).isEqualTo(3);
            assertThat(route(after, "analytics").path("responses").path("5xx").asLong()
                    - route(before, "analytics").path("responses").path("5xx").asLong()).isEqualTo(1);
            assertThat(route(after, "analytics").path("errors").asLong() - route(before, "analytics").path("errors").asLong()).isEqualTo(1);
            // 3 + 1 + 1 above, plus the first stats call itself (counted once it finished)
            assertThat(after.path("totals").path("requests").asLong() - before.path("totals").path("requests").asLong()).isGreaterThanOrEqualTo(6);
            assertThat(after.path("totals").path("responses").path("4xx").asLong()
                    - before.path("totals").path("responses").path("4xx").asLong()).isGreaterThanOrEqualTo(1);
        });
        JsonNode stats = stats();
        JsonNode vectorStats = route(stats, "vector-stats");
        assertThat(stats.path("uptimeSeconds").asDouble()).isPositive();
        assertThat(vectorStats.path("uri").asText()).isEqualTo("lb://vector-api");
        assertThat(vectorStats.path("circuitBreaker").asText()).isEqualTo("CLOSED");
        assertThat(vectorStats.path("healthyInstances").asInt()).isEqualTo(2);
        assertThat(vectorStats.path("latencyMs").path("p50").isNumber()).isTrue();
        assertThat(vectorStats.path("latencyMs").path("p99").asDouble()).isPositive();
        assertThat(vectorStats.path("rateLimited").asLong()).isZero();

        String prometheus = gateway.get("/actuator/prometheus").body();
        assertThat(prometheus).contains("switchboard_gateway_requests_seconds_bucket{application=\"api-gateway\",route=\"vector-stats\",le=")
                .contains("switchboard_gateway_responses_total{application=\"api-gateway\",route=\"analytics\",status_class=\"5xx\"}");
    }

    @Test
    void overviewAggregatesEveryPartInParallel() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode overview = JsonMapper.builder().build().readTree(gateway.get("/api/v1/aggregate/overview").body());
            assertThat(overview.path("complete").asBoolean()).as(overview.toString()).isTrue();
        });
        JsonNode overview = JsonMapper.builder().build().readTree(gateway.get("/api/v1/aggregate/overview").body());
        assertThat(overview.path("aggregate").asText()).isEqualTo("overview");
        assertThat(overview.path("parts").propertyNames()).containsExactly("vector-stats", "analytics-summary", "etl-jobs", "queues");
        assertThat(overview.path("parts").path("vector-stats").path("status").asInt()).isEqualTo(200);
        assertThat(overview.path("parts").path("vector-stats").path("body").path("backend").asText()).isEqualTo("vector");
        assertThat(overview.path("parts").path("queues").path("body").path("backend").asText()).isEqualTo("queue");
        analytics.verify(getRequestedFor(urlEqualTo("/api/v1/analyze/summary?values=1,2,3,4,5")));
    }

    @Test
    void aggregateReportsFailingAndSlowPartsInPlaceWithinItsTimeout() {
        analytics.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/v1/analyze/slow"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{}").withFixedDelay(4000)));
        etl.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/v1/etl/broken"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError().withBody("boom")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200));

        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/v1/aggregate/partial");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(millis).isLessThan(2500);
        JsonNode parts = JsonMapper.builder().build().readTree(response.body()).path("parts");
        assertThat(JsonMapper.builder().build().readTree(response.body()).path("complete").asBoolean()).isFalse();
        assertThat(parts.path("ok").path("status").asInt()).isEqualTo(200);
        assertThat(parts.path("ok").path("body").path("backend").asText()).isEqualTo("vector");
        assertThat(parts.path("down").has("status")).isFalse();
        assertThat(parts.path("down").path("error").asText()).isNotBlank();
        assertThat(parts.path("slow").path("error").asText()).contains("timeout of 1000 ms");
        assertThat(parts.path("broken").path("status").asInt()).isEqualTo(500);
        assertThat(parts.path("broken").path("body").asText()).isEqualTo("boom");
    }

    @Test
    void unknownAggregateIsProblemJson404() {
        HttpResponse<String> response = gateway.get("/api/v1/aggregate/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("urn:switchboard:problem:unknown-aggregate").contains("overview");
    }

    private JsonNode stats() {
        HttpResponse<String> response = gateway.get("/api/v1/gateway/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static JsonNode route(JsonNode stats, String id) {
        for (JsonNode route : stats.path("routes")) {
            if (route.path("id").asText().equals(id)) {
                return route;
            }
        }
        throw new AssertionError("No route " + id + " in " + stats);
    }

    private String rawStatusLine(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static void assertRouted(HttpResponse<String> response, String backend) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"backend\":\"" + backend + "\"}");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
}
