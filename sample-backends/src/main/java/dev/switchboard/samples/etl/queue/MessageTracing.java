package dev.switchboard.samples.etl.queue;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Continues a message's trace in its consumer: the work runs in a span whose parent is the W3C context the
 * message was published in, so its log lines and outgoing calls carry the publisher's trace id.
 */
public final class MessageTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Runs {@code work} in a child span of {@code traceparent} (with its vendors' {@code tracestate}), or in a new
     * trace when the message has none.
     */
    public void inTraceOf(@Nullable String traceparent, @Nullable String tracestate, String spanName, Runnable work) {
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(carrier(traceparent, tracestate), Map::get);
        Span span = builder.name(spanName).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        }
        finally {
            span.end();
        }
    }

    private static Map<String, String> carrier(String traceparent, @Nullable String tracestate) {
        return tracestate == null ? Map.of("traceparent", traceparent)
                : Map.of("traceparent", traceparent, "tracestate", tracestate);
    }
}
