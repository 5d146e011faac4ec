package dev.switchboard.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A hanging target does not slow the polling of the others, and a dead target is backed off by its breaker. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PollingIsolationIT {

    static final WireMockServer fast = new WireMockServer(options().dynamicPort());
    static final WireMockServer hanging = new WireMockServer(options().dynamicPort());
    static final WireMockServer dead = new WireMockServer(options().dynamicPort());

    static {
        fast.start();
        hanging.start();
        dead.start();
        fast.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        hanging.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        dead.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(503)));
    }

    @AfterAll
    static void stopServers() {
        fast.stop();
        hanging.stop();
        dead.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.collector.interval", () -> "100ms");
        registry.add("switchboard.collector.timeout", () -> "3s");
        registry.add("switchboard.collector.concurrency", () -> "2");
        registry.add("switchboard.collector.static-targets.vector-api", () -> "http://localhost:" + fast.port());
        registry.add("switchboard.collector.static-targets.analytics-api", () -> "http://localhost:" + hanging.port());
        registry.add("switchboard.collector.static-targets.etl-api", () -> "http://localhost:" + dead.port());
        registry.add("switchboard.resilience.clients.collector-targets.circuit-breaker.wait-in-open", () -> "1h");
        registry.add("switchboard.collector.history.data-dir", () -> "target/it-data/" + UUID.randomUUID());
        registry.add("eureka.client.enabled", () -> "false");
    }

    @Test
    void aHangingTargetDoesNotDelayTheOthersEvenWithTwoWorkers() {
        // The hanging target holds one of the two workers for 3 s per poll; the fast one is still polled every
        // round on the other.
        await().atMost(Duration.ofSeconds(10)).until(() -> hanging.countRequestsMatching(
                getRequestedFor(urlEqualTo("/health")).build()).getCount() >= 1);
        int before = polls(fast);
        await().atMost(Duration.ofMillis(2_500)).until(() -> polls(fast) >= before + 10);
        // Never more than one poll of the hanging target at a time: rounds skip it while it is in flight.
        assertThat(polls(hanging)).isLessThanOrEqualTo(2);
    }

    @Test
    void aDeadTargetIsLeftAloneOnceItsBreakerOpens() {
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(dead) >= 3);
        int afterOpening = polls(dead);
        int fastBefore = polls(fast);
        await().atMost(Duration.ofSeconds(5)).until(() -> polls(fast) >= fastBefore + 10);
        // Ten rounds later the dead target got no more polls (its breaker stays open for an hour here).
        assertThat(polls(dead)).isEqualTo(afterOpening).isLessThanOrEqualTo(4);
    }

    private static int polls(WireMockServer server) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo("/health")).build()).getCount();
    }
}
