package dev.switchboard.samples.vector;

import static dev.switchboard.samples.HttpJson.assertProblem;
import static dev.switchboard.samples.HttpJson.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.samples.HttpJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "switchboard.sample.vector.max-documents=45")
@ActiveProfiles("vector-api")
class VectorApiIT {

    @LocalServerPort
    int port;

    private HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson(port);
    }

    @Test
    void searchRanksTheSeededCorpusByMeaningfulOverlap() {
        JsonNode body = http.getOk("/api/v1/search?query=" + encode("vector database nearest neighbour") + "&k=3");
        assertThat(body.path("k").asInt()).isEqualTo(3);
        JsonNode results = body.path("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).path("text").asString()).contains("vector database");
        double previous = Double.MAX_VALUE;
        for (JsonNode result : results) {
            assertThat(result.path("score").asDouble()).isLessThanOrEqualTo(previous).isBetween(-1.0, 1.0);
            previous = result.path("score").asDouble();
        }
        JsonNode queue = http.getOk("/api/v1/search?query=" + encode("dead letter queue redrive") + "&k=1");
        assertThat(queue.path("results").get(0).path("text").asString()).contains("Dead-letter queues");
    }

    @Test
    void statsCountDocumentsAndServedQueries() {
        long before = http.getOk("/api/v1/stats").path("queriesServed").asLong();
        http.getOk("/api/v1/search?query=latency");
        http.getOk("/api/v1/search?query=histogram");
        JsonNode stats = http.getOk("/api/v1/stats");
        assertThat(stats.path("queriesServed").asLong()).isEqualTo(before + 2);
        assertThat(stats.path("dimensions").asInt()).isEqualTo(512);
        assertThat(stats.path("documents").asInt()).isGreaterThanOrEqualTo(38);
        assertThat(http.get("/actuator/prometheus").body()).containsPattern("switchboard_vector_documents(\\{.*\\})? [1-9][0-9.]*");
    }

    @Test
    void embedReturnsUnitVectorsAndAddsToTheCorpusWhenAsked() {
        HttpResponse<String> plain = http.post("/api/v1/embed", "{\"texts\":[\"kafka streams\",\"kafka streams\"]}");
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode embeddings = HttpJson.json(plain).path("embeddings");
        assertThat(embeddings.get(0).path("vector").size()).isEqualTo(512);
        assertThat(embeddings.get(0).path("vector")).isEqualTo(embeddings.get(1).path("vector"));
        assertThat(embeddings.get(0).path("id").isNull()).isTrue();
        double norm = 0;
        for (JsonNode value : embeddings.get(0).path("vector")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));

        String unique = "zebrafish xylophone quokka";
        HttpResponse<String> added = http.post("/api/v1/embed", "{\"texts\":[\"" + unique + "\"],\"add\":true}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = HttpJson.json(added).path("embeddings").get(0).path("id").asString();
        assertThat(id).startsWith("doc-");
        JsonNode hit = http.getOk("/api/v1/search?query=" + encode("quokka xylophone") + "&k=1").path("results").get(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("score").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void aFullCorpusRefusesAdditionsWholly() {
        int size = http.getOk("/api/v1/stats").path("documents").asInt();
        String texts = "\"alpha one\",".repeat(46 - size) + "\"omega\"";
        HttpResponse<String> refused = http.post("/api/v1/embed", "{\"texts\":[" + texts + "],\"add\":true}");
        assertProblem(refused, 409);
        assertThat(http.getOk("/api/v1/stats").path("documents").asInt()).isEqualTo(size);
    }

    @Test
    void badParametersAre400ProblemsAndCountNoQuery() {
        long before = http.getOk("/api/v1/stats").path("queriesServed").asLong();
        assertProblem(http.get("/api/v1/search"), 400);
        assertProblem(http.get("/api/v1/search?query=%20"), 400);
        assertThat(assertProblem(http.get("/api/v1/search?query=the+of+and"), 400)).contains("no searchable words");
        assertThat(assertProblem(http.get("/api/v1/search?query=x&k=0"), 400)).contains("k must be between 1 and 50");
        assertProblem(http.get("/api/v1/search?query=x&k=51"), 400);
        assertProblem(http.get("/api/v1/search?query=x&k=ten"), 400);
        assertProblem(http.get("/api/v1/search?query=" + "a".repeat(2001)), 400);
        assertProblem(http.post("/api/v1/embed", "{\"texts\":[]}"), 400);
        assertProblem(http.post("/api/v1/embed", "{\"texts\":[\" \"],\"add\":true}"), 400);
        assertProblem(http.post("/api/v1/embed", "{\"texts\":\"not a list\"}"), 400);
        assertProblem(http.post("/api/v1/embed", "{\"texts\":[" + "\"x\",".repeat(64) + "\"x\"]}"), 400);
        assertThat(http.getOk("/api/v1/stats").path("queriesServed").asLong()).isEqualTo(before);
    }

    @Test
    void otherRolesEndpointsAreAbsent() {
        assertProblem(http.get("/api/v1/analyze/summary?values=1,2"), 404);
        assertProblem(http.get("/api/v1/etl/jobs"), 404);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(HttpJson.json(http.get("/health")).path("service").asString()).isEqualTo("vector-api");
    }
}
