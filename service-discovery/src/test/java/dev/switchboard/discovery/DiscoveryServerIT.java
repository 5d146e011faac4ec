package dev.switchboard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void servesDashboardRegistryHealthAndBuildInfo() throws Exception {
        assertThat(get("/", "text/html").body()).contains("Eureka");
        assertThat(get("/eureka/apps", "application/json").body()).contains("\"applications\"");
        HttpResponse<String> health = get("/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"service\":\"service-discovery\"");
        assertThat(get("/actuator/health/readiness", "application/json").body()).contains("UP");
        assertThat(get("/actuator/prometheus", "text/plain").body()).contains("jvm_memory_used_bytes");
        String info = get("/actuator/info", "application/json").body();
        assertThat(info).contains("\"artifact\":\"service-discovery\"").contains("\"version\":\"0.1.0-SNAPSHOT\"").contains("\"time\"");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build(),
                BodyHandlers.ofString());
    }
}
