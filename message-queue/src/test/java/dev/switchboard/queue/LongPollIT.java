package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Long polls hold no servlet thread: with Tomcat limited to 4 request threads, 40 consumers wait at once while other
 * requests are still served, and 40 publishes hand each waiter its own message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
        "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1" })
class LongPollIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("switchboard.queue.embedded.data-dir",
                () -> Path.of("target", "queue-data", "long-poll-" + UUID.randomUUID()).toString());
    }

    @Test
    void manyWaitingConsumersHoldNoRequestThreadAndEachGetsItsOwnMessage() throws Exception {
        QueueClient client = new QueueClient("http://localhost:" + port);
        String queue = "long-poll-" + UUID.randomUUID();
        int waiters = 40;
        Set<Long> received = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(waiters);
        try {
            List<CompletableFuture<Integer>> waiting = IntStream.range(0, waiters).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                HttpResponse<String> response = client.send("GET", "/api/v1/queue/" + queue + "/consume?wait=20", null);
                if (response.statusCode() == 200) {
                    received.add(client.json(response).get("id").asLong());
                }
                return response.statusCode();
            }, threads)).toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.send("GET", "/actuator/prometheus", null).body()
                    .contains("switchboard_queue_waiting_consumers " + waiters + ".0"));
            assertThat(waiting).noneMatch(CompletableFuture::isDone);

            long started = System.nanoTime();
            assertThat(client.send("GET", "/health", null).statusCode()).as("served while 40 consumers wait").isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            IntStream.range(0, waiters).forEach(i -> client.publish(queue, Integer.toString(i)));
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
            assertThat(waiting).allSatisfy(response -> assertThat(response.join()).isEqualTo(200));
            assertThat(received).hasSize(waiters);
        }
        finally {
            threads.shutdownNow();
        }
    }
}
