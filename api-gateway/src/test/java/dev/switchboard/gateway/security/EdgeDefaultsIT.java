package dev.switchboard.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.gateway.support.EdgeTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without any edge configuration routes stay usable: everything is public, a bearer header goes to the backend
 * untouched (no JWT issuer is configured), no default user or password is generated, and with no admin key the
 * gateway's admin endpoints are closed.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.gateway.server.webflux.routes[0].id=edge-defaults-test",
        "spring.cloud.gateway.server.webflux.routes[0].uri=${test.backend-url}",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/**" })
class EdgeDefaultsIT {

    private static final WireMockServer backend = new WireMockServer(options().dynamicPort());

    static {
        backend.start();
        backend.stubFor(get("/api/things").willReturn(aResponse().withBody("things")));
    }

    @DynamicPropertySource
    static void backendUrl(DynamicPropertyRegistry registry) {
        registry.add("test.backend-url", backend::baseUrl);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void routesArePublicAndBearerHeadersPassThrough(CapturedOutput output) {
        HttpResponse<String> response = get(port, "/api/things", "Authorization", "Bearer backend-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("things");
        assertThat(response.headers().map()).as("the backend's response is not rewritten")
                .doesNotContainKeys("x-frame-options", "cache-control", "pragma", "expires");
        backend.verify(getRequestedFor(urlEqualTo("/api/things")).withHeader("Authorization", equalTo("Bearer backend-token")));
        assertThat(output).doesNotContain("generated security password");
    }

    @Test
    void adminEndpointsAreClosedWhenNoAdminKeyIsConfigured() {
        HttpResponse<String> response = get(port, "/actuator/metrics", "X-Admin-Key", "anything");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:switchboard:problem:");
        assertThat(get(port, "/actuator/metrics").body()).contains("urn:switchboard:problem:admin-disabled");
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
    }
}
