package dev.switchboard.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's trace context ({@code traceparent}, and {@code tracestate} when there is one) onto the proxied
 * request, with the exchange's server span as the backend's parent, in place of whatever the client sent.
 *
 * <p>Why not Spring Cloud Gateway's client observation, which does the same from a span of its own around the
 * proxied call: that second observation per request (span, scope, key values, a meter handler whose
 * {@code http.client.requests} meters clash with Boot's in Prometheus) cost about a tenth of the gateway's
 * throughput (bench/api-gateway/RESULTS.md, 2026-12-05), while the server span already covers the proxied call.
 */
public class TraceContextHeadersFilter implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;
    /** The propagator's header names, read once: the OpenTelemetry bridge copies them into a new list per call. */
    private final List<String> fields;

    public TraceContextHeadersFilter(Propagator propagator) {
        this.propagator = propagator;
        this.fields = List.copyOf(propagator.fields());
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return ServerSpan.of(exchange).map(span -> {
            HttpHeaders withTraceContext = new HttpHeaders();
            withTraceContext.putAll(input);
            fields.forEach(withTraceContext::remove);
            propagator.inject(span.context(), withTraceContext, HttpHeaders::set);
            return withTraceContext;
        }).orElse(input);
    }

    /** After the gateway's own header filters (forwarded headers, hop-by-hop removal), so nothing overwrites it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
