package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, end to end: {@code ./switchboard up -d} brings the whole suite up healthy, the
 * Switchboard services are in the registry, the README's tour answers real results through the gateway (an ETL
 * job runs through the queue, in the trace its client started; the collector sees the backends), and {@code ./switchboard down} leaves no process
 * behind. The suite runs on ports shifted by {@code SWITCHBOARD_PORT_OFFSET} so it never collides with one a
 * developer runs.
 */
class LocalRunScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
    private static final int OFFSET = 20000;
    private static final Path HOME = ROOT.resolve("integration-tests/target/switchboard-home");
    private static final Pattern PROMQL_EXPRESSION = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METRIC_NAME = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        script("down");
    }

    @Test
    void upBringsTheSuiteUpHealthyAndDownLeavesNoProcessBehind() throws Exception {
        String up = script("up", "-d");
        assertThat(up).contains("to all healthy");
        for (int port : List.of(8080, 8081, 8082, 8083, 8000, 8001, 8002)) {
            assertThat(get(port + OFFSET, "/health")).as("health on %d", port + OFFSET).contains("\"status\":\"UP\"");
        }
        String registry = getJson(8080 + OFFSET, "/eureka/apps");
        assertThat(registry).contains("\"API-GATEWAY\"", "\"MESSAGE-QUEUE\"", "\"METRICS-COLLECTOR\"");
        // `up` waited until the gateway routes to the queue and the collector by reading its statistics, not by trying
        // the routes, so no route shows a failed probe. (The totals may count a 503 from `up`'s readiness probe, answered
        // correctly while the gateway was still starting.)
        String stats = get(8081 + OFFSET, "/api/v1/gateway/stats");
        assertThat(stats.substring(stats.indexOf("\"routes\":"))).contains("\"id\":\"queue\"", "\"id\":\"metrics\"")
                .doesNotContainPattern("\"5xx\":[1-9]");
        theTourAnswersRealResultsThroughTheGateway();
        everyMetricOfTheGrafanaDashboardIsExported();

        List<Long> pids = pids();
        assertThat(pids).hasSize(7);
        script("down");
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d still alive after down", pid).isFalse());
        assertThat(script("status")).doesNotContain(" UP");
    }

    private static void theTourAnswersRealResultsThroughTheGateway() throws Exception {
        int gateway = 8081 + OFFSET;
        assertThat(get(gateway, "/api/v1/search?query=vector+database&k=3")).contains("\"results\"", "\"score\"");
        assertThat(get(gateway, "/api/v1/analyze/summary?values=2,4,4,4,5,5,7,9")).contains("\"mean\":5.0", "\"median\":4.5");

        // One trace from the client through the gateway, etl-api, the queue and the worker that consumes the job.
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/api/v1/etl/jobs"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .POST(BodyPublishers.ofString("{\"records\":[{\"region\":\"eu\",\"amount\":3},{\"region\":\"us\",\"amount\":5}],"
                        + "\"groupBy\":\"region\",\"aggregates\":[{\"op\":\"sum\",\"field\":\"amount\"}]}"))
                .build(), BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String job = submitted.headers().firstValue("Location").orElseThrow();
        String jobPath = job.substring(job.indexOf("/api/v1/etl/jobs/"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(gateway, jobPath)).contains("\"status\":\"SUCCEEDED\"", "\"dispatch\":\"queue\"",
                        "\"traceId\":\"" + traceId + "\""));
        assertThat(get(gateway, "/api/v1/queues")).contains("\"etl\"");

        // The collector polls every 10 s: within a few rounds it has seen every backend.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(gateway, "/api/v1/metrics/summary")).contains("vector-api", "analytics-api", "etl-api"));
    }

    /**
     * The compose stack's Grafana dashboard queries only metrics that the running services really export. Some
     * appear a little after the tour (the queue's gauges with its next stats refresh, every 5 s), hence the wait.
     */
    private static void everyMetricOfTheGrafanaDashboardIsExported() throws Exception {
        String dashboard = Files.readString(ROOT.resolve("docker/grafana/dashboards/switchboard-overview.json"));
        List<String> queried = PROMQL_EXPRESSION.matcher(dashboard).results().map(match -> match.group(1))
                .flatMap(LocalRunScriptIT::metricNames).distinct().toList();
        assertThat(queried).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> exported = exportedMetricNames();
            assertThat(queried).allSatisfy(name -> assertThat(exported).as("dashboard metric").contains(name));
        });
    }

    private static Set<String> exportedMetricNames() throws Exception {
        StringBuilder exported = new StringBuilder();
        for (int port : List.of(8080, 8081, 8082, 8083, 8000, 8001, 8002)) {
            exported.append(get(port + OFFSET, "/actuator/prometheus"));
        }
        return exported.toString().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    /** Metric names in a PromQL expression: identifiers outside strings, label sets and by-clauses, not functions. */
    static Stream<String> metricNames(String expression) {
        String bare = expression.replaceAll("\\\\\"[^\\\\]*\\\\\"", "").replaceAll("\\{[^}]*}", "")
                .replaceAll("\\bby \\([^)]*\\)", "").replaceAll("\\[[^]]*]", "");
        return METRIC_NAME.matcher(bare).results().map(match -> match.group(1))
                .filter(name -> !name.equals("up")); // Prometheus's own per-target series
    }

    private static List<Long> pids() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("run"))) {
            return files.map(file -> {
                try {
                    return Long.parseLong(Files.readString(file).strip());
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        }
    }

    private static String script(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("switchboard").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("SWITCHBOARD_HOME", HOME.toString());
        builder.environment().put("SWITCHBOARD_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("./switchboard %s failed:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), BodyHandlers.ofString()).body();
    }

    private static String getJson(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json").build(),
                BodyHandlers.ofString()).body();
    }
}
