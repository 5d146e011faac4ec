package dev.switchboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.loadbalancer.health-check.interval=500ms",
        // The load test below is about failover, not about the default per-client limit.
        "switchboard.gateway.rate-limit.enabled=false",
        "switchboard.resilience.clients.etl.circuit-breaker.minimum-calls=4",
        "switchboard.resilience.clients.etl.circuit-breaker.sliding-window-size=4",
        "switchboard.resilience.clients.etl.circuit-breaker.wait-in-open=30s",
        "switchboard.resilience.clients.analytics.attempt-timeout=500ms",
        "switchboard.resilience.clients.metrics.attempt-timeout=300ms",
        "switchboard.resilience.clients.metrics.circuit-breaker.minimum-calls=2",
        "switchboard.resilience.clients.metrics.circuit-breaker.sliding-window-size=2",
        "switchboard.resilience.clients.metrics.circuit-breaker.wait-in-open=30s" })
class ResilienceIT {

    static final WireMockServer vectorA = started();
    static final WireMockServer vectorB = started();
    static final WireMockServer etl = started();
    static final WireMockServer analytics = started();
    static final WireMockServer queueUnavailable = started();
    static final WireMockServer queueFine = started();
    static final WireMockServer metrics = started();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("switchboard.gateway.instances.always.vector-api", () -> vectorA.baseUrl() + "," + vectorB.baseUrl());
        registry.add("switchboard.gateway.instances.always.etl-api", etl::baseUrl);
        registry.add("switchboard.gateway.instances.always.analytics-api", analytics::baseUrl);
        registry.add("switchboard.gateway.instances.without-eureka.message-queue",
                () -> queueUnavailable.baseUrl() + "," + queueFine.baseUrl());
        registry.add("switchboard.gateway.instances.without-eureka.metrics-collector", metrics::baseUrl);
    }

    @AfterAll
    static void stopBackends() {
        List.of(vectorA, vectorB, etl, analytics, queueUnavailable, queueFine, metrics).forEach(WireMockServer::stop);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
    }

    @Test
    void killedInstanceIsRoutedAroundWithZeroFailedGets() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.get("/api/v1/stats").statusCode()).isEqualTo(200);
            }
            assertThat(vectorB.findAll(getRequestedFor(urlEqualTo("/api/v1/stats")))).isNotEmpty();
            assertThat(vectorA.findAll(getRequestedFor(urlEqualTo("/api/v1/stats")))).isNotEmpty();
        });
        AtomicInteger done = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> response = gateway.get("/api/v1/stats");
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                    done.incrementAndGet();
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> done.get() >= 100);
            vectorB.stop();
            int atKill = done.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= atKill + 400);
        }
        finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void idempotentRequestAnswered503IsRetriedOnTheOtherInstanceOthersAreNot() {
        queueUnavailable.stubFor(any(urlPathMatching("/api/v1/queue.*")).willReturn(aResponse().withStatus(503)));
        queueFine.stubFor(any(urlPathMatching("/api/v1/queue.*")).willReturn(okJson("[]")));
        awaitBothQueueInstancesInRotation();
        int beforeGets = queueUnavailable.findAll(getRequestedFor(urlEqualTo("/api/v1/queues"))).size();
        for (int i = 0; i < 10; i++) {
            assertThat(gateway.get("/api/v1/queues").statusCode()).isEqualTo(200);
        }
        assertThat(queueUnavailable.findAll(getRequestedFor(urlEqualTo("/api/v1/queues"))).size() - beforeGets)
                .as("the failing instance was tried, and retried elsewhere").isPositive();

        int unavailable = 0;
        int beforePosts = queueUnavailable.findAll(postRequestedFor(urlPathMatching("/api/v1/queue/.*"))).size();
        for (int i = 0; i < 6; i++) {
            unavailable += gateway.post("/api/v1/queue/jobs/publish", "{}").statusCode() == 503 ? 1 : 0;
        }
        int postsToFailing =
                queueUnavailable.findAll(postRequestedFor(urlPathMatching("/api/v1/queue/.*"))).size() - beforePosts;
        assertThat(unavailable).as("a POST is never sent twice").isEqualTo(postsToFailing).isPositive();
    }

    @Test
    void idempotentRequestWhoseBodyBreaksBeforeReachingTheClientIsRetriedOnTheOtherInstance() {
        // Headers arrive, then the body is garbage and the connection closes: what a client sees when an instance
        // dies between writing its headers and its body.
        String path = "/api/v1/queue/broken/stats";
        queueUnavailable.stubFor(any(urlEqualTo(path)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        queueFine.stubFor(any(urlEqualTo(path)).willReturn(okJson("{\"depth\":0}")));
        awaitBothQueueInstancesInRotation();
        int beforeGets = queueUnavailable.findAll(getRequestedFor(urlEqualTo(path))).size();

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = gateway.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"depth\":0}");
        }
        assertThat(queueUnavailable.findAll(getRequestedFor(urlEqualTo(path))).size() - beforeGets)
                .as("the broken instance was tried, and retried elsewhere").isPositive();

        int beforePosts = queueUnavailable.findAll(postRequestedFor(urlEqualTo(path))).size();
        int failedPosts = 0;
        for (int i = 0; i < 6; i++) {
            failedPosts += gateway.post(path, "{}").statusCode() != 200 ? 1 : 0;
        }
        int postsToBroken = queueUnavailable.findAll(postRequestedFor(urlEqualTo(path))).size() - beforePosts;
        assertThat(failedPosts).as("a POST is never sent twice").isEqualTo(postsToBroken).isPositive();
    }

    @Test
    void openBreakerAnswers503NamingTheRouteWithin50Ms() {
        etl.stubFor(get(urlEqualTo("/health")).willReturn(okJson("{\"status\":\"UP\"}")));
        etl.stubFor(any(urlPathMatching("/api/v1/etl/.*")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(gateway.post("/api/v1/etl/jobs", "{}").body()).contains("urn:switchboard:problem:circuit-open"));

        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = gateway.post("/api/v1/etl/jobs", "{}");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(millis).isLessThan(50);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(response.body()).contains("\"route\":\"etl\"");
        }
    }

    @Test
    void slowBackendGets504AtTheRouteTimeoutNotAHang() {
        analytics.stubFor(get(urlEqualTo("/health")).willReturn(okJson("{\"status\":\"UP\"}")));
        analytics.stubFor(any(urlPathMatching("/api/v1/analyze.*")).willReturn(okJson("{}").withFixedDelay(5000)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.post("/api/v1/analyze/summary", "{}").statusCode()).isNotEqualTo(503));

        long start = System.nanoTime();
        HttpResponse<String> response = gateway.post("/api/v1/analyze/summary", "{}");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("urn:switchboard:problem:backend-timeout").contains("\"route\":\"analytics\"");
        assertThat(millis).isBetween(400L, 2000L);
    }

    @Test
    void timeoutsCountAsBreakerFailuresAndOpenTheBreaker() {
        metrics.stubFor(any(urlPathMatching("/api/v1/metrics.*")).willReturn(okJson("{}").withFixedDelay(3000)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/metrics/summary").statusCode()).isIn(504, 503));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/metrics/summary").body()).contains("urn:switchboard:problem:circuit-open"));
        HttpResponse<String> open = gateway.get("/api/v1/metrics/summary");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.body()).contains("\"route\":\"metrics\"");
        assertThat(open.headers().firstValue("Retry-After")).hasValue("30");
    }

    /** Waits until the queue route serves GETs, its instances past their first health checks. */
    private void awaitBothQueueInstancesInRotation() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(gateway.get("/api/v1/queues").statusCode()).isEqualTo(200);
            }
        });
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        server.stubFor(get(urlEqualTo("/health")).willReturn(okJson("{\"status\":\"UP\"}")));
        server.stubFor(get(urlEqualTo("/api/v1/stats")).willReturn(okJson("{\"documents\":3}")));
        server.stubFor(get(urlEqualTo("/api/v1/queues")).willReturn(okJson("[]")));
        return server;
    }
}
