package dev.switchboard.samples.analytics;

import static dev.switchboard.samples.HttpJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.samples.HttpJson;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Expected figures are R's: summary via mean/median/sd/quantile, cor(), and hist()'s counts. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("analytics-api")
class AnalyticsApiIT {

    @LocalServerPort
    int port;

    private HttpJson http;

    @BeforeEach
    void connect() {
        http = new HttpJson(port);
    }

    @Test
    void summaryMatchesR() {
        JsonNode summary = http.getOk("/api/v1/analyze/summary?values=2,4,4,4,5,5,7,9");
        assertThat(summary.path("n").asInt()).isEqualTo(8);
        assertThat(summary.path("mean").asDouble()).isEqualTo(5.0);
        assertThat(summary.path("median").asDouble()).isEqualTo(4.5);
        assertThat(summary.path("stddev").asDouble()).isCloseTo(2.13809, within(1e-5));
        assertThat(summary.path("quantiles").path("0.25").asDouble()).isEqualTo(4.0);
        assertThat(summary.path("quantiles").path("0.75").asDouble()).isEqualTo(5.5);
        assertThat(summary.path("min").asDouble()).isEqualTo(2.0);
        assertThat(summary.path("max").asDouble()).isEqualTo(9.0);

        JsonNode custom = http.getOk("/api/v1/analyze/summary?values=1,2,3,4,5,6,7,8,9,10&probs=0.1,0.9");
        assertThat(custom.path("quantiles").path("0.1").asDouble()).isCloseTo(1.9, within(1e-9));
        assertThat(custom.path("quantiles").path("0.9").asDouble()).isCloseTo(9.1, within(1e-9));

        JsonNode single = http.getOk("/api/v1/analyze/summary?values=42");
        assertThat(single.path("stddev").isNull()).as("R's sd() of one value is NA").isTrue();
    }

    @Test
    void correlationPearsonAndSpearman() {
        String query = "x=1,2,3,4,5&y=1,4,9,16,25";
        assertThat(http.getOk("/api/v1/analyze/correlation?" + query).path("coefficient").asDouble())
                .isCloseTo(0.9811049, within(1e-7));
        JsonNode spearman = http.getOk("/api/v1/analyze/correlation?" + query + "&method=spearman");
        assertThat(spearman.path("coefficient").asDouble()).isEqualTo(1.0);
        assertThat(spearman.path("method").asString()).isEqualTo("spearman");
        assertThat(http.getOk("/api/v1/analyze/correlation?x=1,2,3&y=3,2,1").path("coefficient").asDouble())
                .isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void histogramUsesSturgesBinsByDefault() {
        JsonNode histogram = http.getOk("/api/v1/analyze/histogram?values=1,2,3,4,5,6,7,8,9,10");
        JsonNode bins = histogram.path("bins");
        assertThat(bins.size()).isEqualTo(5);
        for (JsonNode bin : bins) {
            assertThat(bin.path("count").asLong()).isEqualTo(2);
        }
        assertThat(bins.get(0).path("lower").asDouble()).isEqualTo(1.0);
        assertThat(bins.get(4).path("upper").asDouble()).isEqualTo(10.0);
        JsonNode two = http.getOk("/api/v1/analyze/histogram?values=0,0,0,10&bins=2").path("bins");
        assertThat(two.get(0).path("count").asLong()).isEqualTo(3);
        assertThat(two.get(1).path("count").asLong()).isEqualTo(1);
    }

    @Test
    void manyValuesFitInTheQueryString() {
        String values = IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        JsonNode summary = http.getOk("/api/v1/analyze/summary?values=" + values);
        assertThat(summary.path("n").asInt()).isEqualTo(10_000);
        assertThat(summary.path("median").asDouble()).isEqualTo(5000.5);
        assertProblem(http.get("/api/v1/analyze/summary?values=" + values + ",1"), 400);
    }

    @Test
    void badParametersAre400Problems() {
        assertProblem(http.get("/api/v1/analyze/summary"), 400);
        assertThat(assertProblem(http.get("/api/v1/analyze/summary?values=1,two,3"), 400)).contains("values[1]");
        assertProblem(http.get("/api/v1/analyze/summary?values=1,,3"), 400);
        assertProblem(http.get("/api/v1/analyze/summary?values=NaN"), 400);
        assertProblem(http.get("/api/v1/analyze/summary?values=Infinity"), 400);
        assertProblem(http.get("/api/v1/analyze/summary?values="), 400);
        assertProblem(http.get("/api/v1/analyze/summary?values=1,2&probs=1.5"), 400);
        assertThat(assertProblem(http.get("/api/v1/analyze/correlation?x=1,2,3&y=1,2"), 400)).contains("same length");
        assertThat(assertProblem(http.get("/api/v1/analyze/correlation?x=1,1,1&y=1,2,3"), 400)).contains("no variance");
        assertProblem(http.get("/api/v1/analyze/correlation?x=1,2,3&y=1,2,3&method=kendall"), 400);
        assertProblem(http.get("/api/v1/analyze/correlation?x=1,2&y=1,2"), 400);
        assertProblem(http.get("/api/v1/analyze/histogram?values=1,2&bins=0"), 400);
        assertProblem(http.get("/api/v1/analyze/histogram?values=1,2&bins=101"), 400);
        assertProblem(http.get("/api/v1/analyze/histogram?values=1,2&bins=x"), 400);
    }
}
