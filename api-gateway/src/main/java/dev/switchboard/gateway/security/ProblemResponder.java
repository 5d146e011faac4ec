package dev.switchboard.gateway.security;

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
 * Writes the 401 and 403 answers of the edge as RFC 9457 problem+json, in the shape every Switchboard service
 * uses ({@code type urn:switchboard:problem:<kind>}, {@code title}, {@code status}, {@code detail},
 * {@code instance}).
 */
public final class ProblemResponder {

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final JsonMapper jsonMapper;

    public ProblemResponder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:switchboard:problem:" + kind);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getRequest().getHeaders().getFirst(REQUEST_ID_HEADER);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
