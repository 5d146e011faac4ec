package dev.switchboard.it.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.it.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded store's durability promise, end to end: concurrent clients publish (and a consumer acks) while the
 * packaged service is killed with {@code kill -9}; after a restart on the same data directory every publish that
 * got a 2xx is delivered, and no message whose ack got a 2xx comes back.
 */
class QueueCrashIT {

    private static final String QUEUE = "crash";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyAcknowledgedPublishSurvivesAKillAndNoAckedMessageReturns() throws Exception {
        int port = ServiceProcess.freePort();
        Path dataDir = Path.of("target", "queue-crash-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, String> environment = ServiceProcess.env("QUEUE_DATA_DIR", dataDir.toString(), "EUREKA_ENABLED", "false");
        String base = "http://localhost:" + port + "/api/v1/queue/" + QUEUE;

        Set<Long> published = ConcurrentHashMap.newKeySet();
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        Set<Long> ackInDoubt = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);

        ServiceProcess queue = ServiceProcess.start("message-queue", "queue-crash", port, environment, List.of());
        ExecutorService clients = Executors.newFixedThreadPool(9);
        try {
            queue.awaitReady(Duration.ofSeconds(120));
            List<CompletableFuture<Void>> publishers = IntStream.range(0, 8).mapToObj(p -> CompletableFuture.runAsync(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<String> response = post(base + "/publish", "{\"publisher\":" + p + ",\"n\":" + n + "}");
                        if (response.statusCode() / 100 == 2) {
                            published.add(json.readTree(response.body()).get("id").asLong());
                        }
                    }
                    catch (IOException ex) {
                        // The service is down (killed): this publish got no 2xx, so it promised nothing.
                    }
                }
            }, clients)).toList();
            CompletableFuture<Void> consumer = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        consumeAndAck(base, acked, ackInDoubt);
                    }
                    catch (IOException ex) {
                        // Down: nothing was delivered to us on this attempt.
                    }
                }
            }, clients);

            await("publishes and acks under way").atMost(Duration.ofSeconds(60))
                    .until(() -> published.size() >= 400 && acked.size() >= 50);
            queue.kill();
            running.set(false);
            CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            consumer.get(30, TimeUnit.SECONDS);
        }
        finally {
            running.set(false);
            clients.shutdownNow();
            queue.close();
        }

        try (ServiceProcess restarted = ServiceProcess.start("message-queue", "queue-crash-restarted", port, environment, List.of())) {
            restarted.awaitReady(Duration.ofSeconds(120));
            Set<Long> delivered = new HashSet<>();
            JsonNode batch;
            // Deliveries in flight at the kill come back after their 2 s visibility timeout; wait covers that.
            while ((batch = consume(base + "/consume?max=10&visibilityTimeout=300&wait=5")) != null) {
                batch.get("messages").forEach(message -> delivered.add(message.get("id").asLong()));
            }

            Set<Long> mustBeDelivered = new HashSet<>(published);
            mustBeDelivered.removeAll(acked);
            mustBeDelivered.removeAll(ackInDoubt);
            assertThat(mustBeDelivered).as("published with a 2xx before the kill").isNotEmpty();
            assertThat(delivered).as("every 2xx publish not acked is delivered after the restart").containsAll(mustBeDelivered);
            assertThat(delivered).as("no message acked with a 2xx comes back").doesNotContainAnyElementsOf(acked);
        }
    }

    /** Receives a few messages with a short visibility timeout and acks them, recording each ack's outcome. */
    private void consumeAndAck(String base, Set<Long> acked, Set<Long> ackInDoubt) throws IOException {
        JsonNode batch = consume(base + "/consume?max=5&visibilityTimeout=2");
        if (batch == null) {
            return;
        }
        for (JsonNode message : batch.get("messages")) {
            long id = message.get("id").asLong();
            ackInDoubt.add(id);
            HttpResponse<String> response = post(base + "/ack", "{\"receiptHandle\":\"" + message.get("receiptHandle").asString() + "\"}");
            if (response.statusCode() == 200) {
                acked.add(id);
                ackInDoubt.remove(id);
            }
        }
    }

    private JsonNode consume(String url) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() == 204) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String url, String body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, BodyHandlers.ofString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }
}
