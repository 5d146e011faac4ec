package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two queue replicas on one PostgreSQL, published to and consumed from concurrently through both: no message is
 * delivered twice within its visibility timeout, and every published message is delivered.
 */
class PostgresReplicasIT {

    private final String schema = PostgresTestDatabase.newSchema();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private final List<QueueClient> clients = new ArrayList<>();

    @BeforeEach
    void startTwoReplicas() {
        PostgresTestDatabase database = PostgresTestDatabase.require();
        for (int i = 0; i < 2; i++) {
            // Command-line arguments: they outrank application.yml, as the environment does in production.
            ConfigurableApplicationContext replica = new SpringApplicationBuilder(QueueApplication.class).run(
                    "--server.port=0", "--eureka.client.enabled=false", "--switchboard.queue.store=postgres",
                    "--switchboard.queue.postgres.url=" + database.url, "--switchboard.queue.postgres.user=" + database.user,
                    "--switchboard.queue.postgres.password=" + database.password, "--switchboard.queue.postgres.schema=" + schema);
            replicas.add(replica);
            clients.add(new QueueClient("http://localhost:" + ((WebServerApplicationContext) replica).getWebServer().getPort()));
        }
    }

    @AfterEach
    void stopReplicas() throws SQLException {
        replicas.forEach(ConfigurableApplicationContext::close);
        PostgresTestDatabase.require().dropSchema(schema);
    }

    @Test
    void aLongPollOnOneReplicaReceivesAMessagePublishedOnTheOther() throws Exception {
        String queue = "cross-replica";
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> clients.get(1).consume(queue, "wait=10"));
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        long started = System.nanoTime();
        long id = clients.get(0).publish(queue, "\"across\"");
        assertThat(waiting.get(5, TimeUnit.SECONDS).get("id").asLong()).isEqualTo(id);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("found by the other replica's recheck")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void concurrentConsumersOnTwoReplicasNeverShareAMessageAndLoseNone() throws Exception {
        String queue = "replicas";
        int publishers = 4;
        int perPublisher = 150;
        Set<Long> published = ConcurrentHashMap.newKeySet();
        Set<Long> received = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(publishers + 8);
        try {
            List<CompletableFuture<Void>> publishing = IntStream.range(0, publishers).mapToObj(p -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    published.add(clients.get((p + i) % 2).publish(queue, "{\"publisher\":" + p + ",\"n\":" + i + "}"));
                }
            }, threads)).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<CompletableFuture<Void>> consuming = IntStream.range(0, 8).mapToObj(c -> CompletableFuture.runAsync(() -> {
                QueueClient client = clients.get(c % 2);
                while (received.size() < publishers * perPublisher && System.nanoTime() < deadline) {
                    for (JsonNode message : client.consumeBatch(queue, "max=5&visibilityTimeout=60&wait=1")) {
                        long id = message.get("id").asLong();
                        if (!received.add(id)) {
                            duplicates.add(id);
                        }
                        assertThat(client.ack(queue, message.get("receiptHandle").asString()).statusCode()).isEqualTo(200);
                    }
                }
            }, threads)).toList();
            CompletableFuture.allOf(publishing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(consuming.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(duplicates).as("delivered twice within the visibility timeout").isEmpty();
        assertThat(published).hasSize(publishers * perPublisher);
        assertThat(received).containsExactlyInAnyOrderElementsOf(published);
        JsonNode stats = clients.get(0).stats(queue);
        assertThat(stats.get("published").asInt()).isEqualTo(publishers * perPublisher);
        assertThat(stats.get("acked").asInt()).isEqualTo(publishers * perPublisher);
        assertThat(stats.get("ready").asInt() + stats.get("inFlight").asInt()).isZero();
    }
}
