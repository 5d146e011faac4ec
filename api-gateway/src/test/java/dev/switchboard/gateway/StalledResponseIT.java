package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backend that answers its headers and then stalls, with or without part of its body sent: the route's timeout
 * (500 ms here) still ends the exchange, instead of the client waiting for as long as the backend holds the connection.
 * The backend is a plain JDK HTTP server, which can stop in the middle of a response.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.loadbalancer.health-check.interval=500ms",
        "switchboard.gateway.rate-limit.enabled=false",
        "switchboard.resilience.clients.vector-stats.attempt-timeout=500ms",
        "switchboard.resilience.clients.vector-search.attempt-timeout=500ms" })
class StalledResponseIT {

    static final CountDownLatch backendReleased = new CountDownLatch(1);
    static final ExecutorService backendThreads = Executors.newCachedThreadPool();
    static final HttpServer backend = stallingBackend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("switchboard.gateway.instances.always.vector-api",
                () -> "http://127.0.0.1:" + backend.getAddress().getPort());
    }

    @AfterAll
    static void stopBackend() {
        backendReleased.countDown();
        backend.stop(0);
        backendThreads.shutdownNow();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.post("/api/v1/embed", "{}").statusCode()).isEqualTo(200));
    }

    @Test
    void bodyStallingAfterItsFirstBytesIsCutAtTheRouteTimeout() {
        long start = System.nanoTime();
        Throwable broken = catchThrowable(() -> gateway.get("/api/v1/stats"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // The client already has the headers and the first bytes: the response can only break off.
        assertThat(broken).isInstanceOf(UncheckedIOException.class);
        assertThat(millis).isBetween(400L, 2000L);
    }

    @Test
    void responseStallingAfterItsHeadersGets504AtTheRouteTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/v1/search");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        // Nothing reached the client yet, so it gets a problem rather than a broken 200.
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("urn:switchboard:problem:backend-timeout")
                .contains("\"route\":\"vector-search\"");
        assertThat(millis).isBetween(400L, 2000L);
    }

    private static HttpServer stallingBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(backendThreads);
            server.createContext("/health", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
            server.createContext("/api/v1/embed", exchange -> answer(exchange, "{\"embedding\":[]}"));
            server.createContext("/api/v1/stats", exchange -> stall(exchange, "{\"documents\":"));
            server.createContext("/api/v1/search", exchange -> stall(exchange, ""));
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Announces a 64-byte body, sends the headers and the given start of it, then holds until the test ends. */
    private static void stall(HttpExchange exchange, String start) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 64);
        exchange.getResponseBody().write(start.getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        try {
            backendReleased.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }
}
