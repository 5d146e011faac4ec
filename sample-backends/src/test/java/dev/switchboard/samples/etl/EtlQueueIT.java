package dev.switchboard.samples.etl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.samples.HttpJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.samples.HttpJson;
import dev.switchboard.samples.etl.queue.MessageTracing;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code QUEUE_URL} set, jobs go through the queue: the exact publish, long-poll consume and ack calls,
 * against a WireMock queue that hands back what was published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ETL_POLL_WAIT=1s")
@ActiveProfiles("etl-api")
class EtlQueueIT {

    private static final WireMockServer QUEUE = new WireMockServer(options().dynamicPort());
    private static final String PUBLISH = "/api/v1/queue/etl/publish";
    private static final String CONSUME = "/api/v1/queue/etl/consume";
    private static final String ACK = "/api/v1/queue/etl/ack";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Tracer tracer;

    @Autowired
    Propagator propagator;

    private HttpJson http;

    @DynamicPropertySource
    static void queueUrl(DynamicPropertyRegistry registry) {
        QUEUE.start();
        registry.add("QUEUE_URL", QUEUE::baseUrl);
    }

    @AfterAll
    static void stopQueue() {
        QUEUE.stop();
    }

    @BeforeEach
    void emptyQueue() {
        http = new HttpJson(port);
        QUEUE.resetAll();
        // An empty queue holds the long poll a little, then answers 204, as the real one does after `wait`.
        QUEUE.stubFor(get(urlPathEqualTo(CONSUME)).willReturn(aResponse().withStatus(204).withFixedDelay(100)));
        QUEUE.stubFor(post(urlEqualTo(ACK)).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void aJobIsPublishedConsumedRunAndAcked() {
        QUEUE.stubFor(post(urlEqualTo(PUBLISH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"msg-1\", \"queue\": \"etl\", \"enqueuedAt\": \"2026-11-25T09:00:00Z\"}")));

        HttpResponse<String> accepted = http.post("/api/v1/etl/jobs", EtlApiIT.SALES);
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = HttpJson.json(accepted);
        String id = job.path("id").asString();
        assertThat(job.path("dispatch").asString()).isEqualTo("queue");
        assertThat(job.path("messageId").asString()).isEqualTo("msg-1");
        assertThat(job.path("status").asString()).as("nothing consumed it yet").isEqualTo("QUEUED");

        var published = QUEUE.findAll(postRequestedFor(urlEqualTo(PUBLISH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo(id))
                .withRequestBody(matchingJsonPath("$.jobId", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.request.groupBy", equalTo("region"))));
        assertThat(published).hasSize(1);
        String payload = published.get(0).getBodyAsString();

        deliverOnce(payload, "receipt-1", 1);

        JsonNode done = await("job run from the queue").atMost(Duration.ofSeconds(30)).until(
                () -> http.getOk("/api/v1/etl/jobs/" + id), current -> current.path("status").asString().equals("SUCCEEDED"));
        assertThat(done.path("result").path("rows").get(0).path("sum_amount").asDouble()).isEqualTo(40.0);
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
        await("ack").atMost(Duration.ofSeconds(30)).untilAsserted(() -> QUEUE.verify(1, postRequestedFor(urlEqualTo(ACK))
                .withRequestBody(equalToJson("{\"receiptHandle\": \"receipt-1\"}"))));
    }

    @Test
    void aRedeliveredFinishedJobIsAckedWithoutRunningAgain() throws Exception {
        String jobId = java.util.UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of("jobId", jobId, "submittedAt", "2026-11-25T09:00:00Z",
                "request", JSON.readTree(EtlApiIT.SALES)));
        deliverOnce(payload, "receipt-a", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> QUEUE.verify(1, postRequestedFor(urlEqualTo(ACK))));
        JsonNode adopted = http.getOk("/api/v1/etl/jobs/" + jobId);
        assertThat(adopted.path("status").asString()).as("a job published elsewhere is adopted").isEqualTo("SUCCEEDED");
        assertThat(adopted.path("messageId").asString()).isEqualTo("msg-receipt-a");

        deliverOnce(payload, "receipt-b", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> QUEUE.verify(postRequestedFor(urlEqualTo(ACK))
                .withRequestBody(equalToJson("{\"receiptHandle\": \"receipt-b\"}"))));
        assertThat(http.getOk("/api/v1/etl/jobs/" + jobId).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aPayloadDeliveredAsAJsonStringIsReadToo() {
        String jobId = java.util.UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of("jobId", jobId, "submittedAt", "2026-11-25T09:00:00Z",
                "request", JSON.readTree(EtlApiIT.SALES)));
        String body = JSON.writeValueAsString(Map.of("id", 5, "receiptHandle", "receipt-s", "payload", payload,
                "deliveryCount", 1));
        QUEUE.stubFor(get(urlPathEqualTo(CONSUME)).inScenario("string").whenScenarioStateIs(Scenario.STARTED)
                .atPriority(1).willReturn(okJson(body)).willSetStateTo("delivered"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> QUEUE.verify(postRequestedFor(urlEqualTo(ACK))
                .withRequestBody(equalToJson("{\"receiptHandle\": \"receipt-s\"}"))));
        JsonNode job = http.getOk("/api/v1/etl/jobs/" + jobId);
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("messageId").asString()).isEqualTo("5");
    }

    @Test
    void aMessageThatIsNotAJobIsLeftForTheDeadLetterQueue() {
        deliverOnce("{\"hello\": \"world\"}", "receipt-x", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> QUEUE.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(CONSUME))).size() >= 3);
        assertThat(QUEUE.findAll(postRequestedFor(urlEqualTo(ACK)))).isEmpty();
    }

    @Test
    void anUnavailableQueueRefusesTheJobWith503AndKeepsNothing() {
        QUEUE.stubFor(post(urlEqualTo(PUBLISH)).willReturn(aResponse().withStatus(503)));
        int before = http.getOk("/api/v1/etl/jobs?limit=1000").size();
        HttpResponse<String> refused = http.post("/api/v1/etl/jobs", EtlApiIT.SALES);
        assertThat(assertProblem(refused, 503)).contains("message queue did not accept");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.getOk("/api/v1/etl/jobs?limit=1000").size()).isEqualTo(before);
    }

    @Test
    void aWorkerPollingAFailingQueueDoesNotRefuseJobSubmissions() {
        // As when the suite starts: etl-api polls before the queue answers, until the poll's breaker opens.
        QUEUE.stubFor(get(urlPathEqualTo(CONSUME)).atPriority(1).willReturn(aResponse().withStatus(503)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(breakerState("queue-consumer"))
                .isEqualTo("open"));

        QUEUE.stubFor(post(urlEqualTo(PUBLISH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"msg-9\", \"queue\": \"etl\", \"enqueuedAt\": \"2026-11-25T09:00:00Z\"}")));
        HttpResponse<String> accepted = http.post("/api/v1/etl/jobs", EtlApiIT.SALES);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(breakerState("queue")).isEqualTo("closed");

        // Once the queue answers polls again, the worker's breaker closes by itself.
        QUEUE.stubFor(get(urlPathEqualTo(CONSUME)).atPriority(1).willReturn(aResponse().withStatus(204)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(breakerState("queue-consumer"))
                .isEqualTo("closed"));
    }

    @Test
    void aPublishThatFailsOnceIsRetriedWithTheSameIdempotencyKey() {
        // resilience-lib's "queue" client retries a 503 for a POST because it carries an Idempotency-Key.
        QUEUE.stubFor(post(urlEqualTo(PUBLISH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        QUEUE.stubFor(post(urlEqualTo(PUBLISH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 77, \"queue\": \"etl\", \"enqueuedAt\": \"2026-11-25T09:00:00Z\"}")));

        HttpResponse<String> accepted = http.post("/api/v1/etl/jobs", EtlApiIT.SALES);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = HttpJson.json(accepted).path("id").asString();
        assertThat(HttpJson.json(accepted).path("messageId").asString()).isEqualTo("77");
        assertThat(QUEUE.findAll(postRequestedFor(urlEqualTo(PUBLISH)).withHeader("Idempotency-Key", equalTo(id))))
                .hasSize(2);
    }

    @Test
    void aJobRunsInItsMessagesTraceContextTracestateIncluded() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Map<String, String> outgoing = new HashMap<>();

        new MessageTracing(tracer, propagator).inTraceOf(traceparent, "rojo=00f067aa0ba902b7", "etl-job",
                () -> propagator.inject(tracer.currentTraceContext().context(), outgoing, Map::put));

        assertThat(outgoing.get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(outgoing.get("tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
    }

    @Test
    void consumeAsksForALongPoll() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> QUEUE.verify(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(CONSUME + "?wait=1"))));
    }

    /** The state of a resilience-lib circuit breaker, as exported on the Prometheus endpoint. */
    private String breakerState(String name) {
        Matcher current = Pattern.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"" + Pattern.quote(name)
                + "\"[^}]*state=\"([a-z_]+)\"[^}]*} 1(\\.0)?\\b").matcher(http.get("/actuator/prometheus").body());
        return current.find() ? current.group(1) : "unknown";
    }

    /** The next consume returns this payload once; later ones find the queue empty again. */
    private void deliverOnce(String payload, String receipt, int deliveryCount) {
        String scenario = "deliver-" + receipt;
        String body = JSON.writeValueAsString(Map.of("id", "msg-" + receipt, "receiptHandle", receipt,
                "payload", JSON.readTree(payload), "deliveryCount", deliveryCount, "enqueuedAt", "2026-11-25T09:00:00Z"));
        QUEUE.stubFor(get(urlPathEqualTo(CONSUME)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .atPriority(1).willReturn(okJson(body)).willSetStateTo("delivered"));
    }
}
