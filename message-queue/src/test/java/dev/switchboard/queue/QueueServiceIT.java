package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The service around the queue: health, per-queue Prometheus metrics and an OpenAPI document of the real API. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
        "switchboard.queue.metrics-refresh-interval=200ms" })
class QueueServiceIT {

    @LocalServerPort
    int port;

    private QueueClient client;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("switchboard.queue.embedded.data-dir",
                () -> Path.of("target", "queue-data", "service-" + UUID.randomUUID()).toString());
    }

    @BeforeEach
    void setUp() {
        client = new QueueClient("http://localhost:" + port);
    }

    @Test
    void adminOperationsNeedTheAdminKeyAndChangeNothingWithoutIt() throws Exception {
        String queue = "admin-" + UUID.randomUUID();
        client.publish(queue, "{\"n\":1}");
        var http = HttpClient.newHttpClient();

        for (var request : List.of(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/queue/" + queue + "/purge"))
                        .POST(BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/queue/" + queue))
                        .DELETE().header("X-Admin-Key", "not-the-admin-key").build())) {
            var response = http.send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(401, 403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        assertThat(client.stats(queue).path("ready").asInt()).isEqualTo(1);
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/purge", null).statusCode()).isEqualTo(200);
        assertThat(client.stats(queue).path("ready").asInt()).isZero();
    }

    @Test
    void healthIsUpWithTheStoresDatabaseCheck() {
        var health = client.send("GET", "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(client.json(health).get("checks").get("db").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPerQueueDepthCountersAndOldestAge() {
        String queue = "metrics-" + UUID.randomUUID();
        client.publish(queue, "1");
        client.publish(queue, "2");
        client.publish(queue, "3");
        JsonNode delivered = client.consume(queue, "");
        client.ack(queue, delivered.get("receiptHandle").asString());
        client.consume(queue, "");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String metrics = client.send("GET", "/actuator/prometheus", null).body();
            assertThat(metrics)
                    .contains("switchboard_queue_messages{queue=\"" + queue + "\",state=\"ready\"} 1.0")
                    .contains("switchboard_queue_messages{queue=\"" + queue + "\",state=\"in_flight\"} 1.0")
                    .contains("switchboard_queue_messages{queue=\"" + queue + "\",state=\"delayed\"} 0.0")
                    .contains("switchboard_queue_messages{queue=\"" + queue + "\",state=\"dead_lettered\"} 0.0")
                    .contains("switchboard_queue_published_total{queue=\"" + queue + "\"} 3.0")
                    .contains("switchboard_queue_delivered_total{queue=\"" + queue + "\"} 2.0")
                    .contains("switchboard_queue_acked_total{queue=\"" + queue + "\"} 1.0")
                    .containsPattern("switchboard_queue_oldest_ready_age_seconds\\{queue=\"" + queue + "\"} [0-9.]+");
        });

        client.send("DELETE", "/api/v1/queue/" + queue, null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(client.send("GET", "/actuator/prometheus", null).body())
                .doesNotContain("switchboard_queue_messages{queue=\"" + queue + "\""));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode document = client.json(client.send("GET", "/v3/api-docs", null));
        assertThat(document.get("info").get("title").asString()).isEqualTo("Switchboard message queue");
        JsonNode paths = document.get("paths");
        List<String> documented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> documented.add(method.getKey() + " " + path.getKey())));

        assertThat(documented).containsExactlyInAnyOrder(
                "post /api/v1/queue/{name}/publish",
                "post /api/v1/queue/{name}/publish-batch",
                "get /api/v1/queue/{name}/consume",
                "post /api/v1/queue/{name}/ack",
                "post /api/v1/queue/{name}/ack-batch",
                "post /api/v1/queue/{name}/nack",
                "post /api/v1/queue/{name}/redrive",
                "post /api/v1/queue/{name}/purge",
                "get /api/v1/queue/{name}",
                "put /api/v1/queue/{name}",
                "delete /api/v1/queue/{name}",
                "get /api/v1/queue/{name}/stats",
                "get /api/v1/queues");
        assertThat(paths.get("/api/v1/queue/{name}/consume").get("get").get("parameters").toString())
                .contains("\"wait\"").contains("\"max\"").contains("\"visibilityTimeout\"");
    }
}
