package dev.switchboard.gateway.aggregate;

import dev.switchboard.gateway.web.RequestIdWebFilter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches the parts of an aggregate in parallel under one deadline. A part that fails, answers an error status or
 * misses the deadline is reported in place; the others are returned regardless.
 */
class AggregateFetcher {

    private final WebClient loadBalanced;
    private final WebClient direct;
    private final JsonMapper json;

    AggregateFetcher(WebClient loadBalanced, WebClient direct, JsonMapper json) {
        this.loadBalanced = loadBalanced;
        this.direct = direct;
        this.json = json;
    }

    Mono<AggregateResult> fetch(String name, AggregateProperties.Aggregate aggregate, String requestId) {
        return Flux.fromIterable(aggregate.parts().entrySet())
                .flatMap(part -> fetchPart(part.getValue(), aggregate.timeout(), requestId)
                        .map(result -> Tuples.of(part.getKey(), result)))
                .collectMap(Tuple2::getT1, Tuple2::getT2)
                .map(results -> {
                    Map<String, PartResult> ordered = new LinkedHashMap<>();
                    aggregate.parts().keySet().forEach(part -> ordered.put(part, results.get(part)));
                    boolean complete = ordered.values().stream().allMatch(PartResult::succeeded);
                    return new AggregateResult(name, complete, ordered);
                });
    }

    private Mono<PartResult> fetchPart(URI uri, Duration timeout, String requestId) {
        long start = System.nanoTime();
        WebClient client = "lb".equals(uri.getScheme()) ? loadBalanced : direct;
        URI target = "lb".equals(uri.getScheme()) ? URI.create("http" + uri.toString().substring(2)) : uri;
        return client.get().uri(target).header(RequestIdWebFilter.HEADER, requestId).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> read(response, start))
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(new PartResult(null, null, describe(error, timeout), millisSince(start))));
    }

    private Mono<PartResult> read(ClientResponse response, long start) {
        int status = response.statusCode().value();
        boolean isJson = response.headers().contentType()
                .map(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))
                .orElse(false);
        return response.bodyToMono(String.class).defaultIfEmpty("").map(text -> {
            Object body = text.isEmpty() ? null : isJson ? json.readTree(text) : text;
            String error = status >= 200 && status < 300 ? null : "The part answered " + status;
            return new PartResult(status, body, error, millisSince(start));
        });
    }

    private static String describe(Throwable error, Duration timeout) {
        if (error instanceof TimeoutException) {
            return "No answer within the aggregate's timeout of " + timeout.toMillis() + " ms";
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
