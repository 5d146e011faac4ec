package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.Collections;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of bad input answers a 4xx problem+json and leaves every queue as it was. {@code Q} in a case's path
 * stands for a queue that holds one ready and one in-flight message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class BadInputIT {

    private static final String JSON = "application/json";
    private static final String OVERSIZED_PAYLOAD = "\"" + "x".repeat(256 * 1024) + "\"";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private QueueClient client;
    private String queue;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("switchboard.queue.embedded.data-dir",
                () -> Path.of("target", "queue-data", "bad-input-" + UUID.randomUUID()).toString());
    }

    @BeforeEach
    void oneReadyAndOneInFlightMessage() {
        client = new QueueClient("http://localhost:" + port);
        queue = "bad-input-" + UUID.randomUUID();
        client.publish(queue, "{\"n\":1}");
        client.publish(queue, "{\"n\":2}");
        client.consume(queue, "visibilityTimeout=600");
    }

    record Case(String description, String method, String path, String contentType, String body, int status,
            String... headers) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> badRequests() {
        String longName = "q".repeat(81);
        String hundredAndOne = "{\"messages\":[" + String.join(",", Collections.nCopies(101, "{\"payload\":1}")) + "]}";
        return Stream.of(
                new Case("publish: truncated JSON", "POST", "/api/v1/queue/Q/publish", JSON, "{\"a\":", 400),
                new Case("publish: trailing garbage", "POST", "/api/v1/queue/Q/publish", JSON, "{} x", 400),
                new Case("publish: not JSON at all", "POST", "/api/v1/queue/Q/publish", JSON, "hello", 400),
                new Case("publish: empty body", "POST", "/api/v1/queue/Q/publish", JSON, "", 400),
                new Case("publish: payload over 256 KiB", "POST", "/api/v1/queue/Q/publish", JSON, OVERSIZED_PAYLOAD, 413),
                new Case("publish: body over the request limit", "POST", "/api/v1/queue/Q/publish", JSON,
                        "\"" + "x".repeat(5 * 1024 * 1024) + "\"", 413),
                new Case("publish: form content type", "POST", "/api/v1/queue/Q/publish", "application/x-www-form-urlencoded", "a=1", 415),
                new Case("publish: name with a space", "POST", "/api/v1/queue/bad%20name/publish", JSON, "1", 400),
                new Case("publish: name with a slash-like char", "POST", "/api/v1/queue/a:b/publish", JSON, "1", 400),
                new Case("publish: name of 81 chars", "POST", "/api/v1/queue/" + longName + "/publish", JSON, "1", 400),
                new Case("publish: name of 81 chars plus .dlq", "POST", "/api/v1/queue/" + longName + ".dlq/publish", JSON, "1", 400),
                new Case("publish: empty Idempotency-Key", "POST", "/api/v1/queue/Q/publish", JSON, "1", 400, "Idempotency-Key", ""),
                new Case("publish: Idempotency-Key over 128 chars", "POST", "/api/v1/queue/Q/publish", JSON, "1", 400,
                        "Idempotency-Key", "k".repeat(129)),
                new Case("publish: negative delay", "POST", "/api/v1/queue/Q/publish?delaySeconds=-1", JSON, "1", 400),
                new Case("publish: delay over 900 s", "POST", "/api/v1/queue/Q/publish?delaySeconds=901", JSON, "1", 400),
                new Case("publish: delay not a number", "POST", "/api/v1/queue/Q/publish?delaySeconds=soon", JSON, "1", 400),
                new Case("consume: wait over 20 s", "GET", "/api/v1/queue/Q/consume?wait=21", null, null, 400),
                new Case("consume: wait not a number", "GET", "/api/v1/queue/Q/consume?wait=x", null, null, 400),
                new Case("consume: max 0", "GET", "/api/v1/queue/Q/consume?max=0", null, null, 400),
                new Case("consume: max 11", "GET", "/api/v1/queue/Q/consume?max=11", null, null, 400),
                new Case("consume: negative visibility timeout", "GET", "/api/v1/queue/Q/consume?visibilityTimeout=-1", null, null, 400),
                new Case("consume: bad name", "GET", "/api/v1/queue/..%2e/consume", null, null, 400),
                new Case("ack: empty object", "POST", "/api/v1/queue/Q/ack", JSON, "{}", 400),
                new Case("ack: both receipt and id", "POST", "/api/v1/queue/Q/ack", JSON, "{\"receiptHandle\":\"1.1.0123456789abcdef\",\"id\":1}", 400),
                new Case("ack: malformed receipt", "POST", "/api/v1/queue/Q/ack", JSON, "{\"receiptHandle\":\"nope\"}", 400),
                new Case("ack: not JSON", "POST", "/api/v1/queue/Q/ack", JSON, "receipt", 400),
                new Case("ack: id of the wrong type", "POST", "/api/v1/queue/Q/ack", JSON, "{\"id\":{\"x\":1}}", 400),
                new Case("ack: unknown receipt", "POST", "/api/v1/queue/Q/ack", JSON, "{\"receiptHandle\":\"999999999.1.0123456789abcdef\"}", 404),
                new Case("batch ack: no receipts", "POST", "/api/v1/queue/Q/ack-batch", JSON, "{\"receiptHandles\":[]}", 400),
                new Case("batch ack: one malformed receipt", "POST", "/api/v1/queue/Q/ack-batch", JSON,
                        "{\"receiptHandles\":[\"1.1.0123456789abcdef\",\"nope\"]}", 400),
                new Case("batch ack: over 100 receipts", "POST", "/api/v1/queue/Q/ack-batch", JSON,
                        "{\"receiptHandles\":[" + String.join(",", Collections.nCopies(101, "\"1.1.0123456789abcdef\"")) + "]}", 400),
                new Case("nack: no receipt", "POST", "/api/v1/queue/Q/nack", JSON, "{\"delaySeconds\":1}", 400),
                new Case("nack: negative delay", "POST", "/api/v1/queue/Q/nack", JSON, "{\"receiptHandle\":\"1.1.0123456789abcdef\",\"delaySeconds\":-5}", 400),
                new Case("settings: negative max deliveries", "PUT", "/api/v1/queue/Q", JSON, "{\"maxDeliveries\":-1}", 400),
                new Case("settings: visibility over 12 h", "PUT", "/api/v1/queue/Q", JSON, "{\"visibilityTimeoutSeconds\":50000}", 400),
                new Case("settings: retention under a minute", "PUT", "/api/v1/queue/Q", JSON, "{\"retentionSeconds\":10}", 400),
                new Case("settings: not JSON", "PUT", "/api/v1/queue/Q", JSON, "{maxDeliveries:1}", 400),
                new Case("settings: bad name", "PUT", "/api/v1/queue/a%2Bb", JSON, "{}", 400),
                new Case("batch: no messages", "POST", "/api/v1/queue/Q/publish-batch", JSON, "{\"messages\":[]}", 400),
                new Case("batch: wrong shape", "POST", "/api/v1/queue/Q/publish-batch", JSON, "[1,2]", 400),
                new Case("batch: entry without payload", "POST", "/api/v1/queue/Q/publish-batch", JSON, "{\"messages\":[{\"payload\":1},{}]}", 400),
                new Case("batch: negative delay", "POST", "/api/v1/queue/Q/publish-batch", JSON, "{\"messages\":[{\"payload\":1,\"delaySeconds\":-1}]}", 400),
                new Case("batch: over 100 messages", "POST", "/api/v1/queue/Q/publish-batch", JSON, hundredAndOne, 400),
                new Case("batch: second payload over 256 KiB", "POST", "/api/v1/queue/Q/publish-batch", JSON,
                        "{\"messages\":[{\"payload\":1},{\"payload\":" + OVERSIZED_PAYLOAD + "}]}", 413),
                new Case("stats: unknown queue", "GET", "/api/v1/queue/never-created/stats", null, null, 404),
                new Case("purge: unknown queue", "POST", "/api/v1/queue/never-created/purge", null, null, 404),
                new Case("delete: unknown queue", "DELETE", "/api/v1/queue/never-created", null, null, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersProblemJsonAndChangesNothing(Case bad) throws Exception {
        String before = queuesWithoutAges();

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path().replace("/Q/", "/" + queue + "/")
                .replace("/Q", "/" + queue)))
                .method(bad.method(), bad.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(bad.body()))
                .header("X-Admin-Key", QueueClient.ADMIN_KEY);
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        if (bad.headers().length > 0) {
            request.headers(bad.headers());
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = client.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(queuesWithoutAges()).isEqualTo(before);
    }

    /** Every queue's stats, minus the oldest-message age, which moves with the clock. */
    private String queuesWithoutAges() {
        JsonNode queues = client.json(client.send("GET", "/api/v1/queues", null));
        queues.get("queues").forEach(stats -> ((ObjectNode) stats).remove("oldestReadyAgeSeconds"));
        return queues.toString();
    }
}
