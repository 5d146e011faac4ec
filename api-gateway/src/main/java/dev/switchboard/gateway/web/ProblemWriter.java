package dev.switchboard.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link GatewayProblem} as the RFC 9457 problem+json response of an exchange, in the shape every
 * Switchboard service uses ({@code type urn:switchboard:problem:<kind>}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, {@code requestId}): the one place that knows that shape at the gateway, used by
 * {@link ProblemWebFilter} and by the edge authentication's 401 and 403 answers.
 */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes {@code problem} as the response; does nothing when the response is already committed. */
    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        HttpHeaders headers = response.getHeaders();
        headers.clearContentHeaders();
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        response.setStatusCode(problem.status());
        headers.addAll(problem.headers());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        byte[] body = json.writeValueAsBytes(body(exchange, problem));
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Shorthand for a problem with no extra headers or properties. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail) {
        return write(exchange, new GatewayProblem(status, kind, detail));
    }

    private static Map<String, Object> body(ServerWebExchange exchange, GatewayProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(problem.status().value());
        body.put("type", "urn:switchboard:problem:" + problem.kind());
        body.put("title", known != null ? known.getReasonPhrase() : "Error " + problem.status().value());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = RequestIdWebFilter.of(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(problem.properties());
        return body;
    }
}
