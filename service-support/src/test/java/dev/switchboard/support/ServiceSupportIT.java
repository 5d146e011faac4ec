package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ServiceSupportIT.TestApp.class,
        properties = { "spring.application.name=support-test", "switchboard.http.max-body-size=1KB" })
class ServiceSupportIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void healthReportsServiceNameAndStatus() throws Exception {
        HttpResponse<String> response = get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("service").asString()).isEqualTo("support-test");
    }

    @Test
    void requestIdIsPropagatedWhenWellFormedAndGeneratedOtherwise() throws Exception {
        assertThat(get("/health", "abc-123").headers().firstValue("X-Request-Id")).hasValue("abc-123");
        String generated = get("/health", "bad id with spaces").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownPathIsProblemJson404() throws Exception {
        HttpResponse<String> response = get("/no/such/path", "req-404");
        assertProblem(response, 404, "urn:switchboard:problem:not-found");
        assertThat(json.readTree(response.body()).path("requestId").asString()).isEqualTo("req-404");
    }

    @Test
    void invalidBodyFieldsAreListed() throws Exception {
        HttpResponse<String> response = post("/echo", "{\"name\":\"\"}");
        assertProblem(response, 400, "urn:switchboard:problem:invalid-request");
        assertThat(json.readTree(response.body()).path("errors").toString()).contains("name");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(post("/echo", "{\"name\":"), 400, "urn:switchboard:problem:malformed-body");
    }

    @Test
    void invalidParameterIs400() throws Exception {
        assertProblem(get("/items/99", null), 400, "urn:switchboard:problem:invalid-request");
        assertProblem(get("/items/abc", null), 400, "urn:switchboard:problem:bad-request");
    }

    @Test
    void oversizedBodyIs413WithDeclaredLengthAndWhenChunked() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
        assertProblem(post("/echo", big), 413, "urn:switchboard:problem:payload-too-large");

        HttpRequest chunked = HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/json")
                .POST(unknownLength(big))
                .build();
        assertProblem(http.send(chunked, BodyHandlers.ofString()), 413, "urn:switchboard:problem:payload-too-large");
    }

    @Test
    void thrownProblemKeepsItsStatusAndHeaders() throws Exception {
        HttpResponse<String> response = get("/conflict", null);
        assertProblem(response, 409, "urn:switchboard:problem:stale-thing");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void unexpectedFailureIs500WithoutExceptionText() throws Exception {
        HttpResponse<String> response = get("/boom", null);
        assertProblem(response, 500, "urn:switchboard:problem:internal-error");
        assertThat(response.body()).doesNotContain("secret internals");
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A body publisher that hides its length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher unknownLength(String body) {
        HttpRequest.BodyPublisher known = BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    @SpringBootApplication
    @Import(TestController.class)
    static class TestApp {
    }

    @RestController
    @Validated
    static class TestController {

        record Named(@NotBlank String name) {
        }

        @PostMapping("/echo")
        Named echo(@Valid @RequestBody Named named) {
            return named;
        }

        @GetMapping("/items/{id}")
        List<Integer> item(@PathVariable @Max(10) int id) {
            return List.of(id);
        }

        @GetMapping("/conflict")
        void conflict() {
            throw new ProblemException(HttpStatus.CONFLICT, "stale-thing", "The thing changed").withHeader("Retry-After", "3");
        }

        @GetMapping("/boom")
        void boom() {
            throw new IllegalStateException("secret internals");
        }
    }
}
