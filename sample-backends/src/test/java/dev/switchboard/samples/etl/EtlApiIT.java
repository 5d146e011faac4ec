package dev.switchboard.samples.etl;

import static dev.switchboard.samples.HttpJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.samples.HttpJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("etl-api")
class EtlApiIT {

    static final String SALES = """
            {"name": "sales-by-region",
             "records": [
               {"region": "eu", "amount": 10, "status": "paid"},
               {"region": "us", "amount": 5.5, "status": "paid"},
               {"region": "eu", "amount": 2, "status": "refunded"},
               {"region": "eu", "amount": 30, "status": "paid"},
               {"region": "us", "status": "paid"}
             ],
             "filter": {"field": "status", "equals": "paid"},
             "groupBy": "region",
             "aggregates": [{"op": "count"}, {"op": "sum", "field": "amount"}, {"op": "avg", "field": "amount"},
                            {"op": "max", "field": "amount"}]}
            """;

    @LocalServerPort
    int port;

    private HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson(port);
    }

    @Test
    void aJobIsAcceptedRunsAndReportsItsResult() {
        HttpResponse<String> accepted = http.post("/api/v1/etl/jobs", SALES);
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = HttpJson.json(accepted);
        String id = job.path("id").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/etl/jobs/" + id);
        assertThat(job.path("dispatch").asString()).isEqualTo("in-process");
        assertThat(job.path("recordCount").asInt()).isEqualTo(5);

        JsonNode done = awaitFinished(id);
        assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("attempts").asInt()).isEqualTo(1);
        JsonNode result = done.path("result");
        assertThat(result.path("inputRecords").asInt()).isEqualTo(5);
        assertThat(result.path("matchedRecords").asInt()).isEqualTo(4);
        JsonNode eu = result.path("rows").get(0);
        assertThat(eu.path("region").asString()).isEqualTo("eu");
        assertThat(eu.path("count").asInt()).isEqualTo(2);
        assertThat(eu.path("sum_amount").asDouble()).isEqualTo(40.0);
        assertThat(eu.path("avg_amount").asDouble()).isEqualTo(20.0);
        JsonNode us = result.path("rows").get(1);
        assertThat(us.path("count").asInt()).as("records count even without the field").isEqualTo(2);
        assertThat(us.path("sum_amount").asDouble()).isEqualTo(5.5);
        assertThat(us.path("max_amount").asDouble()).isEqualTo(5.5);

        JsonNode listed = http.getOk("/api/v1/etl/jobs?status=succeeded");
        assertThat(listed.findValuesAsString("id")).contains(id);
        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("switchboard_etl_jobs_seconds_count\\{.*outcome=\"succeeded\".*\\} [1-9]");
    }

    @Test
    void dataThatCannotBeAggregatedFailsTheJobWithTheReason() {
        String body = """
                {"records": [{"amount": 1}, {"amount": "lots"}], "aggregates": [{"op": "sum", "field": "amount"}]}""";
        String id = HttpJson.json(http.post("/api/v1/etl/jobs", body)).path("id").asString();
        JsonNode failed = awaitFinished(id);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("error").asString()).contains("record 1", "amount", "not a number");
    }

    @Test
    void listIsNewestFirstAndLimited() {
        String first = HttpJson.json(http.post("/api/v1/etl/jobs", SALES)).path("id").asString();
        String second = HttpJson.json(http.post("/api/v1/etl/jobs", SALES)).path("id").asString();
        JsonNode listed = http.getOk("/api/v1/etl/jobs?limit=2");
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).path("id").asString()).isEqualTo(second);
        assertThat(listed.get(1).path("id").asString()).isEqualTo(first);
    }

    @Test
    void badInputIs400AndCreatesNoJob() {
        int before = http.getOk("/api/v1/etl/jobs?limit=1000").size();
        assertProblem(http.post("/api/v1/etl/jobs", "{"), 400);
        assertProblem(http.post("/api/v1/etl/jobs", "{\"records\": [], \"aggregates\": [{\"op\": \"count\"}]}"), 400);
        assertProblem(http.post("/api/v1/etl/jobs", "{\"records\": [{\"a\": 1}]}"), 400);
        assertProblem(http.post("/api/v1/etl/jobs", "{\"records\": [{\"a\": 1}], \"aggregates\": [{\"op\": \"median\", \"field\": \"a\"}]}"), 400);
        assertThat(assertProblem(http.post("/api/v1/etl/jobs",
                "{\"records\": [{\"a\": 1}], \"aggregates\": [{\"op\": \"sum\"}]}"), 400)).contains("needs a field");
        assertProblem(http.post("/api/v1/etl/jobs", "{\"records\": [1, 2], \"aggregates\": [{\"op\": \"count\"}]}"), 400);
        assertProblem(http.post("/api/v1/etl/jobs", "{\"records\": [{\"a\": 1}], \"aggregates\": [{\"op\": \"count\"}],"
                + " \"filter\": {\"field\": \"\"}}"), 400);
        assertThat(http.getOk("/api/v1/etl/jobs?limit=1000").size()).isEqualTo(before);

        assertProblem(http.get("/api/v1/etl/jobs/not-a-uuid"), 400);
        assertProblem(http.get("/api/v1/etl/jobs/" + UUID.randomUUID()), 404);
        assertProblem(http.get("/api/v1/etl/jobs?status=sleeping"), 400);
        assertProblem(http.get("/api/v1/etl/jobs?limit=0"), 400);
    }

    private JsonNode awaitFinished(String id) {
        return await("job " + id + " finished").atMost(Duration.ofSeconds(30)).until(
                () -> http.getOk("/api/v1/etl/jobs/" + id),
                job -> job.path("status").asString().equals("SUCCEEDED") || job.path("status").asString().equals("FAILED"));
    }
}
