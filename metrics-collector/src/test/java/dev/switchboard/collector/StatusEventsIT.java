package dev.switchboard.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Status changes reach the queue (a WireMock standing in for it) once per change, and wait in the outbox while the
 * queue is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StatusEventsIT {

    static final String PUBLISH = "/api/v1/queue/service-events/publish";
    static final WireMockServer backend = new WireMockServer(options().dynamicPort());
    static final WireMockServer queue = new WireMockServer(options().dynamicPort());

    static {
        backend.start();
        queue.start();
        healthy(true);
        queueAnswers(201);
    }

    @AfterAll
    static void stopServers() {
        backend.stop();
        queue.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.collector.interval", () -> "200ms");
        registry.add("switchboard.collector.timeout", () -> "2s");
        registry.add("switchboard.collector.events.retry-interval", () -> "200ms");
        registry.add("switchboard.collector.events.queue-url", () -> "http://localhost:" + queue.port());
        registry.add("switchboard.collector.static-targets.analytics-api", () -> "http://localhost:" + backend.port());
        registry.add("switchboard.collector.history.data-dir", () -> "target/it-data/" + UUID.randomUUID());
        registry.add("eureka.client.enabled", () -> "false");
    }

    static void healthy(boolean up) {
        backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(up ? 200 : 500)
                .withHeader("Content-Type", "application/json").withBody(up ? "{\"status\":\"UP\"}" : "boom")));
    }

    static void queueAnswers(int status) {
        queue.stubFor(post(urlEqualTo(PUBLISH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
    }

    @Test
    void publishesOneEventPerChangeAndRetriesWhileTheQueueIsDown() {
        await().atMost(Duration.ofSeconds(10)).until(() -> polls() >= 2);
        // The first verdict after start-up is not a change: nothing is published for it.
        assertThat(published()).isEmpty();

        healthy(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> published().size() == 1);
        healthy(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> published().size() == 2);
        // More polls go by; nothing changes, so nothing more is published.
        long pollsNow = polls();
        await().atMost(Duration.ofSeconds(5)).until(() -> polls() >= pollsNow + 5);
        assertThat(published()).hasSize(2);

        List<LoggedRequest> events = published();
        assertThat(events.get(0).getBodyAsString()).contains("\"from\":\"UP\"", "\"to\":\"DOWN\"",
                "\"service\":\"analytics-api\"", "\"type\":\"service.status-changed\"", "\"httpStatus\":500");
        assertThat(events.get(1).getBodyAsString()).contains("\"from\":\"DOWN\"", "\"to\":\"UP\"");
        assertThat(events.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isNotEqualTo(events.get(1).getHeader("Idempotency-Key"));

        // The queue goes away: a change waits in the outbox and is delivered once the queue is back.
        queueAnswers(503);
        healthy(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> published().size() >= 4);
        queueAnswers(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> accepted().size() == 3);
        assertThat(accepted().get(0)).contains("\"to\":\"DOWN\"");
        // Delivery stops once the event got through (the target stays DOWN: no new change), and every retry
        // of it carried the same key.
        int delivered = published().size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> published().size() == delivered);
        List<LoggedRequest> all = published();
        String lastKey = all.get(all.size() - 1).getHeader("Idempotency-Key");
        assertThat(all.subList(2, all.size())).allSatisfy(request ->
                assertThat(request.getHeader("Idempotency-Key")).isEqualTo(lastKey));
    }

    private static long polls() {
        return backend.getAllServeEvents().size();
    }

    /** Bodies the queue answered 201 to, latest first. */
    private static List<String> accepted() {
        return queue.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 201)
                .map(event -> event.getRequest().getBodyAsString()).toList();
    }

    private static List<LoggedRequest> published() {
        return queue.findAll(postRequestedFor(urlEqualTo(PUBLISH)));
    }
}
