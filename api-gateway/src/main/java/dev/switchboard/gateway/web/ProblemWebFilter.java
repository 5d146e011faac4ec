package dev.switchboard.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error raised while serving an exchange (routing, proxying, the gateway's own endpoints) with an RFC
 * 9457 problem+json body, so that clients never see an HTML page or a stack trace. It sits inside the access-log
 * filter so that the logged status is the one the client got.
 */
public class ProblemWebFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdWebFilter.ORDER + 20;
    private static final Logger log = LoggerFactory.getLogger(ProblemWebFilter.class);

    private final ProblemMapper mapper;
    private final JsonMapper json;

    public ProblemWebFilter(ProblemMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> write(exchange, mapper.toProblem(error, exchange), error));
    }

    /** Writes {@code problem} as the response of {@code exchange}. */
    public Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            log.debug("Response already committed; cannot answer {} with a problem", problem.status(), error);
            return Mono.error(error);
        }
        response.getHeaders().clearContentHeaders();
        response.getHeaders().remove("Transfer-Encoding");
        response.setStatusCode(problem.status());
        response.getHeaders().addAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(body(exchange, problem));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static Map<String, Object> body(ServerWebExchange exchange, GatewayProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(problem.status().value());
        body.put("type", "urn:switchboard:problem:" + problem.kind());
        body.put("title", known != null ? known.getReasonPhrase() : "Error " + problem.status().value());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", URI.create(exchange.getRequest().getPath().value()).toString());
        String requestId = RequestIdWebFilter.of(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(problem.properties());
        return body;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
