package dev.switchboard.gateway.aggregate;

import dev.switchboard.gateway.web.GatewayProblem;
import dev.switchboard.gateway.web.RequestIdWebFilter;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/aggregate/{name}}: one JSON document merged from the configured parts. */
@RestController
class AggregateController {

    private final AggregateProperties properties;
    private final AggregateFetcher fetcher;

    AggregateController(AggregateProperties properties, AggregateFetcher fetcher) {
        this.properties = properties;
        this.fetcher = fetcher;
    }

    @GetMapping(path = "/api/v1/aggregate/{name}", produces = "application/json")
    Mono<AggregateResult> aggregate(@PathVariable String name, ServerWebExchange exchange) {
        AggregateProperties.Aggregate aggregate = properties.aggregates().get(name);
        if (aggregate == null) {
            return Mono.error(new GatewayProblem(HttpStatus.NOT_FOUND, "unknown-aggregate",
                    "No aggregate named '" + name + "'; configured: " + properties.aggregates().keySet()));
        }
        return fetcher.fetch(name, aggregate, Objects.requireNonNullElse(RequestIdWebFilter.of(exchange), ""));
    }
}
