package dev.switchboard.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every error raised while serving an exchange (routing, proxying, the gateway's own endpoints) with an RFC
 * 9457 problem+json body, so that clients never see an HTML page or a stack trace. It sits inside the access-log
 * filter so that the logged status is the one the client got.
 */
public class ProblemWebFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdWebFilter.ORDER + 20;
    private static final Logger log = LoggerFactory.getLogger(ProblemWebFilter.class);

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    public ProblemWebFilter(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> write(exchange, mapper.toProblem(error, exchange), error));
    }

    private Mono<Void> write(ServerWebExchange exchange, GatewayProblem problem, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.debug("Response already committed; cannot answer {} with a problem", problem.status(), error);
            return Mono.error(error);
        }
        return writer.write(exchange, problem);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
