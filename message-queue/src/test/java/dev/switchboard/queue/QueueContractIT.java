package dev.switchboard.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The behaviour every store must show, asserted through the real HTTP API. One subclass per store configures
 * the application; each test uses its own queue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "eureka.client.enabled=false",
        "switchboard.queue.long-poll.recheck-interval=100ms" })
abstract class QueueContractIT {

    @LocalServerPort
    int port;

    QueueClient client;
    String queue;

    @BeforeEach
    void setUp() {
        client = new QueueClient("http://localhost:" + port);
        queue = "contract-" + UUID.randomUUID();
    }

    @Test
    void aMessageCarriesItsPublishersTraceContextToTheConsumer() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String tracestate = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";
        client.publish(queue, "{\"traced\":true}", "traceparent", traceparent, "tracestate", tracestate);
        client.publish(queue, "{\"traced\":false}");
        client.publish(queue, "{\"traced\":\"malformed\"}", "traceparent", "00-not-a-trace-01", "tracestate", tracestate);
        client.publish(queue, "{\"traced\":\"bad state\"}", "traceparent", traceparent, "tracestate", "vendor=" + "x".repeat(600));

        JsonNode traced = client.consume(queue, "");
        assertThat(traced.path("traceparent").asString()).isEqualTo(traceparent);
        assertThat(traced.path("tracestate").asString()).isEqualTo(tracestate);
        JsonNode untraced = client.consume(queue, "");
        assertThat(untraced.has("traceparent")).isFalse();
        assertThat(untraced.has("tracestate")).isFalse();
        JsonNode malformed = client.consume(queue, "");
        assertThat(malformed.path("payload").path("traced").asString()).isEqualTo("malformed");
        assertThat(malformed.has("traceparent")).as("a malformed trace context is dropped, the message kept").isFalse();
        assertThat(malformed.has("tracestate")).as("no tracestate without its traceparent").isFalse();
        JsonNode badState = client.consume(queue, "");
        assertThat(badState.path("traceparent").asString()).isEqualTo(traceparent);
        assertThat(badState.has("tracestate")).as("an oversized tracestate is dropped, the traceparent kept").isFalse();
    }

    @Test
    void deliversReadyMessagesInPublishOrder() {
        List<Long> published = IntStream.range(0, 5).mapToObj(i -> client.publish(queue, "{\"n\":" + i + "}")).toList();

        List<Long> received = new ArrayList<>();
        JsonNode first = client.consume(queue, "");
        received.add(first.get("id").asLong());
        assertThat(first.get("payload").get("n").asInt()).isZero();
        assertThat(first.get("deliveryCount").asInt()).isEqualTo(1);
        client.consumeBatch(queue, "max=10").forEach(message -> received.add(message.get("id").asLong()));

        assertThat(received).containsExactlyElementsOf(published);
        assertThat(client.consume(queue, "")).isNull();
    }

    @Test
    void anUnackedMessageComesBackAfterItsVisibilityTimeoutWithItsDeliveryCountRaised() {
        long id = client.publish(queue, "\"work\"");
        JsonNode first = client.consume(queue, "visibilityTimeout=1");
        assertThat(client.consume(queue, "")).as("invisible while in flight").isNull();
        assertThat(client.stats(queue).get("inFlight").asInt()).isEqualTo(1);

        JsonNode again = await().atMost(Duration.ofSeconds(5)).until(() -> client.consume(queue, ""), message -> message != null);
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("deliveryCount").asInt()).isEqualTo(2);
        assertThat(again.get("receiptHandle").asString()).isNotEqualTo(first.get("receiptHandle").asString());
    }

    @Test
    void aStaleReceiptIsRefusedAndDeletesNothing() {
        client.publish(queue, "\"work\"");
        JsonNode first = client.consume(queue, "visibilityTimeout=0");
        JsonNode second = client.consume(queue, "");

        HttpResponse<String> stale = client.ack(queue, first.get("receiptHandle").asString());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.stats(queue).get("inFlight").asInt()).isEqualTo(1);

        assertThat(client.ack(queue, second.get("receiptHandle").asString()).statusCode()).isEqualTo(200);
        assertThat(client.ack(queue, second.get("receiptHandle").asString()).statusCode()).isEqualTo(404);
        JsonNode stats = client.stats(queue);
        assertThat(stats.get("acked").asInt()).isEqualTo(1);
        assertThat(stats.get("ready").asInt() + stats.get("inFlight").asInt()).isZero();
    }

    @Test
    void aBatchAckAcksEachReceiptOnItsOwnTerms() {
        client.publish(queue, "1");
        client.publish(queue, "2");
        List<JsonNode> first = client.consumeBatch(queue, "max=2&visibilityTimeout=0");
        JsonNode redelivered = client.consume(queue, "max=1");
        assertThat(redelivered).isNotNull();
        String staleReceipt = first.get(0).get("receiptHandle").asString();
        String liveReceipt = first.get(1).get("receiptHandle").asString();

        HttpResponse<String> response = client.send("POST", "/api/v1/queue/" + queue + "/ack-batch",
                "{\"receiptHandles\":[\"" + staleReceipt + "\",\"" + liveReceipt + "\",\"999999999.1.0123456789abcdef\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        client.json(response).get("results").forEach(result -> statuses.add(result.get("status").asString()));
        assertThat(statuses).containsExactly("stale", "acked", "not-found");

        JsonNode stats = client.stats(queue);
        assertThat(stats.get("acked").asInt()).isEqualTo(1);
        assertThat(stats.get("inFlight").asInt()).as("the redelivered message is still in flight").isEqualTo(1);
    }

    @Test
    void acksByIdOnlyWhileTheMessageIsInFlight() {
        long id = client.publish(queue, "1");
        String byId = "{\"id\":" + id + "}";
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/ack", byId).statusCode()).isEqualTo(409);
        client.consume(queue, "");
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/ack", byId).statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/ack", byId).statusCode()).isEqualTo(404);
    }

    @Test
    void deadLettersAfterMaxDeliveriesAndRedrivesBack() {
        assertThat(client.send("PUT", "/api/v1/queue/" + queue, "{\"maxDeliveries\":2}").statusCode()).isEqualTo(201);
        long id = client.publish(queue, "\"poison\"");
        assertThat(client.consume(queue, "visibilityTimeout=0").get("deliveryCount").asInt()).isEqualTo(1);
        assertThat(client.consume(queue, "visibilityTimeout=0").get("deliveryCount").asInt()).isEqualTo(2);

        assertThat(client.consume(queue, "")).as("moved to the dead-letter queue instead of a third delivery").isNull();
        assertThat(client.stats(queue).get("deadLettered").asInt()).isEqualTo(1);
        JsonNode deadLetter = client.consume(queue + ".dlq", "visibilityTimeout=0");
        assertThat(deadLetter.get("id").asLong()).isEqualTo(id);

        JsonNode redriven = client.json(client.send("POST", "/api/v1/queue/" + queue + "/redrive", null));
        assertThat(redriven.get("count").asInt()).isEqualTo(1);
        JsonNode back = client.consume(queue, "");
        assertThat(back.get("id").asLong()).isEqualTo(id);
        assertThat(back.get("deliveryCount").asInt()).isEqualTo(1);
        assertThat(client.stats(queue).get("deadLettered").asInt()).isZero();
    }

    @Test
    void theDeadLetterQueueOfALongestNameIsAddressable() {
        String longest = "d".repeat(80);
        assertThat(client.send("PUT", "/api/v1/queue/" + longest, "{\"maxDeliveries\":1}").statusCode()).isEqualTo(201);
        client.publish(longest, "1");
        client.consume(longest, "visibilityTimeout=0");
        assertThat(client.consume(longest, "")).isNull();
        assertThat(client.consume(longest + ".dlq", "")).isNotNull();
        client.send("DELETE", "/api/v1/queue/" + longest, null);
        client.send("DELETE", "/api/v1/queue/" + longest + ".dlq", null);
    }

    @Test
    void aDelayedMessageBecomesReadyAfterItsDelay() {
        client.send("POST", "/api/v1/queue/" + queue + "/publish?delaySeconds=1", "\"later\"");
        assertThat(client.consume(queue, "")).isNull();
        assertThat(client.stats(queue).get("delayed").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.consume(queue, ""), message -> message != null);
    }

    @Test
    void aNackReleasesTheMessageNowOrAfterADelay() {
        long id = client.publish(queue, "\"retry me\"");
        JsonNode first = client.consume(queue, "");
        String nackNow = "{\"receiptHandle\":\"" + first.get("receiptHandle").asString() + "\"}";
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/nack", nackNow).statusCode()).isEqualTo(200);
        assertThat(client.ack(queue, first.get("receiptHandle").asString()).statusCode()).as("a released receipt is stale").isEqualTo(409);

        JsonNode second = client.consume(queue, "");
        assertThat(second.get("id").asLong()).isEqualTo(id);
        String nackLater = "{\"receiptHandle\":\"" + second.get("receiptHandle").asString() + "\",\"delaySeconds\":1}";
        assertThat(client.send("POST", "/api/v1/queue/" + queue + "/nack", nackLater).statusCode()).isEqualTo(200);
        assertThat(client.consume(queue, "")).isNull();
        JsonNode third = await().atMost(Duration.ofSeconds(5)).until(() -> client.consume(queue, ""), message -> message != null);
        assertThat(third.get("deliveryCount").asInt()).isEqualTo(3);
    }

    @Test
    void aLongPollIsWokenPromptlyByAPublish() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> client.consume(queue, "wait=10"));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.send("GET", "/actuator/prometheus", null).body()
                .contains("switchboard_queue_waiting_consumers 1.0"));
        long id = client.publish(queue, "\"wake up\"");

        JsonNode message = waiting.get(5, TimeUnit.SECONDS);
        assertThat(message.get("id").asLong()).isEqualTo(id);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aLongPollOnAnEmptyQueueAnswers204AfterTheWait() {
        long started = System.nanoTime();
        assertThat(client.send("GET", "/api/v1/queue/" + queue + "/consume?wait=1", null).statusCode()).isEqualTo(204);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void anIdempotentPublishStoresTheMessageOnce() {
        String key = "Idempotency-Key";
        long first = client.publish(queue, "\"once\"", key, "job-42");
        HttpResponse<String> replay = client.send("POST", "/api/v1/queue/" + queue + "/publish", "\"once\"", key, "job-42");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(client.json(replay).get("id").asLong()).isEqualTo(first);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        long other = client.publish(queue, "\"twice\"", key, "job-43");

        assertThat(other).isNotEqualTo(first);
        assertThat(client.stats(queue).get("published").asInt()).isEqualTo(2);
        assertThat(client.consumeBatch(queue, "max=10")).hasSize(2);
    }

    @Test
    void aBatchPublishStoresEveryMessageInOrder() {
        HttpResponse<String> response = client.send("POST", "/api/v1/queue/" + queue + "/publish-batch", """
                {"messages": [{"payload": {"a": 1}}, {"payload": [2]}, {"payload": "three", "delaySeconds": 30}]}""");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = client.json(response);
        assertThat(body.get("messages")).hasSize(3);

        List<JsonNode> ready = client.consumeBatch(queue, "max=10");
        assertThat(ready).extracting(message -> message.get("payload").toString()).containsExactly("{\"a\":1}", "[2]");
        assertThat(client.stats(queue).get("delayed").asInt()).isEqualTo(1);
    }

    @Test
    void manyConcurrentConsumersReceiveDisjointMessages() throws Exception {
        int messages = 200;
        for (int part = 0; part < 2; part++) {
            StringBuilder batch = new StringBuilder("{\"messages\":[");
            for (int i = 0; i < messages / 2; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"payload\":").append(i).append('}');
            }
            assertThat(client.send("POST", "/api/v1/queue/" + queue + "/publish-batch", batch.append("]}").toString())
                    .statusCode()).isEqualTo(201);
        }

        Set<Long> received = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new ArrayList<>();
        ExecutorService consumers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> running = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
                List<JsonNode> got;
                while (!(got = client.consumeBatch(queue, "max=3&visibilityTimeout=60")).isEmpty()) {
                    for (JsonNode message : got) {
                        if (!received.add(message.get("id").asLong())) {
                            synchronized (duplicates) {
                                duplicates.add(message.get("id").asLong());
                            }
                        }
                        client.ack(queue, message.get("receiptHandle").asString());
                    }
                }
            }, consumers)).toList();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        finally {
            consumers.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(received).hasSize(messages);
        assertThat(client.stats(queue).get("acked").asInt()).isEqualTo(messages);
    }

    @Test
    void purgeEmptiesAndDeleteRemovesTheQueue() {
        client.publish(queue, "1");
        client.publish(queue, "2");
        assertThat(client.json(client.send("POST", "/api/v1/queue/" + queue + "/purge", null)).get("count").asInt()).isEqualTo(2);
        assertThat(client.consume(queue, "")).isNull();

        assertThat(client.send("GET", "/api/v1/queues", null).body()).contains("\"" + queue + "\"");
        assertThat(client.send("DELETE", "/api/v1/queue/" + queue, null).statusCode()).isEqualTo(204);
        assertThat(client.send("GET", "/api/v1/queue/" + queue + "/stats", null).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/api/v1/queues", null).body()).doesNotContain("\"" + queue + "\"");
    }
}
