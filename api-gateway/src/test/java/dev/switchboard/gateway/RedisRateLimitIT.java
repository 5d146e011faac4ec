package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways on one Redis (the local one: Testcontainers needs a Docker engine this machine lacks) share one
 * budget per client. Keys carry a per-run prefix.
 */
class RedisRateLimitIT {

    private static final String REDIS_HOST = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
    private static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));

    @RegisterExtension
    static WireMockExtension vector = Backends.backend();

    static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeAll
    static void startTwoGateways() {
        requireRedis();
        String prefix = "switchboard-test:" + UUID.randomUUID() + ":";
        for (int i = 0; i < 2; i++) {
            gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run(
                    "--server.port=0", "--eureka.client.enabled=false",
                    "--spring.cloud.loadbalancer.eager-load.clients=vector-api",
                    "--switchboard.gateway.instances.always.vector-api=" + Backends.url(vector),
                    "--switchboard.gateway.rate-limit.mode=redis",
                    "--switchboard.gateway.auth.api-keys[0].name=client",
                    "--switchboard.gateway.auth.api-keys[0].sha256=948fe603f61dc036b5c596dc09fe3ce3f3d30dc90f024c85f3c82db2ccab679d",
                    "--switchboard.gateway.auth.api-keys[1].name=warm",
                    "--switchboard.gateway.auth.api-keys[1].sha256=0f0aa408c1832abefd06bced5378aa7945c11b3fe2f24f8a22cd6dbdbe4bccd8",
                    "--switchboard.gateway.rate-limit.redis-key-prefix=" + prefix,
                    "--switchboard.gateway.rate-limit.routes.vector-stats.replenish-rate=1",
                    "--switchboard.gateway.rate-limit.routes.vector-stats.burst-capacity=4",
                    "--spring.reactor.netty.shutdown-quiet-period=0s", "--spring.data.redis.host=" + REDIS_HOST, "--spring.data.redis.port=" + REDIS_PORT));
        }
    }

    @AfterAll
    static void stopGateways() {
        gateways.forEach(ConfigurableApplicationContext::close);
    }

    @BeforeEach
    void healthyBackend() {
        // The WireMock extension resets stubs before each test.
        Backends.answerAsItself(vector, "vector");
    }

    @Test
    void twoGatewaysShareOneBudgetPerClientAndItRefills() {
        GatewayClient a = client(0);
        GatewayClient b = client(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(a.get("/api/v1/search?q=warm", "X-API-Key", "warm").statusCode()).isEqualTo(200);
            assertThat(b.get("/api/v1/search?q=warm", "X-API-Key", "warm").statusCode()).isEqualTo(200);
        });
        assertThat(a.get("/health").body()).contains("\"redis\":\"UP\"");

        String key = "client";
        long start = System.nanoTime();
        int allowed = 0;
        int refusedByA = 0;
        int refusedByB = 0;
        for (int i = 0; i < 6; i++) {
            var fromA = a.get("/api/v1/stats", "X-API-Key", key);
            var fromB = b.get("/api/v1/stats", "X-API-Key", key);
            allowed += (fromA.statusCode() == 200 ? 1 : 0) + (fromB.statusCode() == 200 ? 1 : 0);
            refusedByA += fromA.statusCode() == 429 ? 1 : 0;
            refusedByB += fromB.statusCode() == 429 ? 1 : 0;
            if (fromB.statusCode() == 429) {
                assertThat(fromB.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(fromB.headers().firstValue("X-RateLimit-Limit")).hasValue("4");
                assertThat(fromB.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
                assertThat(fromB.body()).contains("urn:switchboard:problem:rate-limited");
            }
        }
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        // Separate budgets would allow 8 of the 12; one shared budget allows its burst of 4, plus one token per
        // second that passed (the script refills at whole seconds).
        assertThat(allowed).isBetween(4, 4 + (int) elapsedSeconds + 1);
        assertThat(refusedByA).isPositive();
        assertThat(refusedByB).isPositive();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(b.get("/api/v1/stats", "X-API-Key", key).statusCode()).isEqualTo(200));
    }

    private static GatewayClient client(int index) {
        return new GatewayClient(((WebServerApplicationContext) gateways.get(index)).getWebServer().getPort());
    }

    private static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 1000);
        }
        catch (Exception ex) {
            String reason = "Redis is not reachable at " + REDIS_HOST + ":" + REDIS_PORT + " (" + ex.getMessage() + ")";
            if ("true".equals(System.getenv("SWITCHBOARD_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(reason, ex);
            }
            Assumptions.abort(reason + "; skipping the Redis rate-limit test");
        }
    }
}
