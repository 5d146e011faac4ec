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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Instances that appear in discovery are polled, and those that leave are dropped; a discovered Spring service
 * (the collector itself here) also yields Actuator figures. Discovery is Spring Cloud's simple discovery client,
 * whose instances the test changes at runtime, standing in for Eureka.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryTargetsIT {

    static final WireMockServer backend = new WireMockServer(options().dynamicPort());

    static {
        backend.start();
        backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SimpleDiscoveryProperties discovery;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.collector.interval", () -> "200ms");
        registry.add("switchboard.collector.actuator.every", () -> "1");
        registry.add("switchboard.collector.history.data-dir", () -> "target/it-data/" + UUID.randomUUID());
        registry.add("eureka.client.enabled", () -> "false");
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @Test
    void followsInstancesThatComeAndGoAndReadsActuatorFigures() throws Exception {
        discovery.getInstances().put("sample-service", List.of(instance("sample-1", "sample-service", backend.port())));
        discovery.getInstances().put("metrics-collector", List.of(instance("self", "metrics-collector", port)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String body = call("/api/v1/metrics");
            assertThat(body).contains("\"service\":\"sample-service\",\"status\":\"UP\"")
                    .contains("\"instance\":\"sample-1\"").contains("\"origin\":\"DISCOVERY\"");
            // The collector read its own /actuator/prometheus: heap and CPU are there.
            assertThat(body).containsPattern("\"instance\":\"self\".*\"heapUsedBytes\":\\d+");
        });

        discovery.getInstances().remove("sample-service");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(call("/api/v1/metrics")).doesNotContain("sample-service"));
        // Its history stays reachable (once the writer, which flushes every second, has written it).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(call("/api/v1/metrics/sample-service")).contains("\"instancesTotal\":0", "\"polls\":"));
    }

    private static InstanceProperties instance(String id, String service, int instancePort) {
        InstanceProperties instance = new InstanceProperties();
        instance.setInstanceId(id);
        instance.setServiceId(service);
        instance.setUri(URI.create("http://localhost:" + instancePort));
        return instance;
    }

    private String call(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
