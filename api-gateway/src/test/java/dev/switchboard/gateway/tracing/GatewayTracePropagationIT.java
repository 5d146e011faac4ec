package dev.switchboard.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.gateway.support.EdgeTestSupport.get;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client's W3C trace goes through the gateway: the backend receives a {@code traceparent} with the client's
 * trace id and the gateway's own span as parent (in place of the client's, not next to it); proxying adds no
 * {@code http.client.requests} meters that would clash with Boot's; the access log names the trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.gateway.server.webflux.routes[0].id=traced-route",
        "spring.cloud.gateway.server.webflux.routes[0].uri=${test.backend-url}",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/traced/**" })
@ExtendWith(OutputCaptureExtension.class)
class GatewayTracePropagationIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    private static final WireMockServer backend = new WireMockServer(options().dynamicPort());

    static {
        backend.start();
        backend.stubFor(get("/traced/a").willReturn(aResponse().withBody("ok")));
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

    @Autowired
    MeterRegistry meterRegistry;

    @BeforeEach
    void resetRequests() {
        backend.resetRequests();
    }

    @Test
    void theClientsTraceIsContinuedWithANewParentSpan() {
        HttpResponse<String> response = get(port, "/traced/a", "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01");

        assertThat(response.statusCode()).isEqualTo(200);
        List<LoggedRequest> received = backend.findAll(getRequestedFor(urlEqualTo("/traced/a")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeaders().getHeader("traceparent").values())
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("00-" + TRACE_ID + "-(?!" + CLIENT_SPAN_ID + ")(?!0{16})[0-9a-f]{16}-01");
    }

    @Test
    void anUnsampledTraceStaysUnsampled() {
        get(port, "/traced/a", "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-00");

        backend.verify(getRequestedFor(urlEqualTo("/traced/a"))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-(?!" + CLIENT_SPAN_ID + ")[0-9a-f]{16}-00")));
    }

    @Test
    void theAccessLogLineCarriesTheTraceId(CapturedOutput output) {
        get(port, "/traced/a", "traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-00");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("dev.switchboard.gateway.access") && line.contains("GET /traced/a")))
                .anySatisfy(line -> assertThat(line).endsWith("traceId=" + TRACE_ID)));
    }

    @Test
    void aRequestWithoutTraceStartsOne() {
        get(port, "/traced/a");

        List<LoggedRequest> received = backend.findAll(getRequestedFor(urlEqualTo("/traced/a")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("traceparent")).matches("00-(?!" + TRACE_ID + ")[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void proxyingRegistersNoClashingClientMeters() {
        get(port, "/traced/a");

        assertThat(meterRegistry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("http.client.requests")
                && meter.getId().getTags().stream().anyMatch(tag -> tag.getKey().startsWith("spring.cloud.gateway")));
        HttpResponse<String> scrape = get(port, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
    }
}
