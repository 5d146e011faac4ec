package dev.switchboard.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A service that calls another one while serving a request passes the caller's W3C trace on: the downstream
 * request carries a {@code traceparent} with the same trace id and a new parent span.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TracePropagationIT.TestApp.class,
        properties = "spring.application.name=trace-test")
class TracePropagationIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    private static final WireMockServer downstream = new WireMockServer(options().dynamicPort());

    static {
        downstream.start();
        downstream.stubFor(get("/downstream").willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @DynamicPropertySource
    static void downstreamUrl(DynamicPropertyRegistry registry) {
        registry.add("test.downstream-url", downstream::baseUrl);
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void incomingTraceIsContinuedOnOutgoingCalls() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/relay"))
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TRACE_ID);
        downstream.verify(getRequestedFor(urlEqualTo("/downstream"))
                .withHeader("traceparent", matching("00-" + TRACE_ID + "-(?!" + CALLER_SPAN_ID + ")[0-9a-f]{16}-01")));
    }

    @Test
    void requestWithoutTraceStartsOne() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/relay")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());

        assertThat(response.body()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    }

    @SpringBootApplication
    @Import(RelayController.class)
    static class TestApp {
    }

    @RestController
    static class RelayController {

        private final RestClient downstream;
        private final io.micrometer.tracing.Tracer tracer;

        RelayController(RestClient.Builder builder, io.micrometer.tracing.Tracer tracer,
                org.springframework.core.env.Environment environment) {
            this.downstream = builder.baseUrl(environment.getRequiredProperty("test.downstream-url")).build();
            this.tracer = tracer;
        }

        /** Calls downstream and answers the trace id this request ran under. */
        @GetMapping("/relay")
        String relay() {
            downstream.get().uri("/downstream").retrieve().toBodilessEntity();
            return tracer.currentSpan().context().traceId();
        }
    }
}
