package dev.switchboard.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A collector stopped and started again on the same data directory still serves the history it had. */
class HistoryRestartIT {

    private static final Pattern POLLS = Pattern.compile("\"polls\":(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID());
    private WireMockServer backend;

    @BeforeEach
    void startBackend() {
        backend = new WireMockServer(options().dynamicPort());
        backend.start();
        backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
    }

    @AfterEach
    void stopBackend() {
        backend.stop();
    }

    @Test
    void historySurvivesARestart() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        long pollsBefore;
        try (ConfigurableApplicationContext first = startCollector(
                "--switchboard.collector.static-targets.etl-api=http://localhost:" + backend.port())) {
            await().atMost(Duration.ofSeconds(15)).until(() -> totalPolls(first, since) >= 3);
            pollsBefore = totalPolls(first, since);
        }
        // The second collector is not told about the backend: whatever it shows of it came from disk.
        try (ConfigurableApplicationContext second = startCollector("--switchboard.collector.static-targets.etl-api=")) {
            assertThat(totalPolls(second, since)).isGreaterThanOrEqualTo(pollsBefore);
        }
    }

    private ConfigurableApplicationContext startCollector(String target) {
        return new SpringApplicationBuilder(CollectorApplication.class).run(
                "--server.port=0",
                "--eureka.client.enabled=false",
                "--switchboard.collector.interval=200ms",
                target,
                "--switchboard.collector.history.data-dir=" + dataDir);
    }

    private long totalPolls(ConfigurableApplicationContext context, Instant since) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/metrics/etl-api?step=1m&from=" + since)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        long total = 0;
        Matcher matcher = POLLS.matcher(response.body());
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
        }
        return total;
    }
}
