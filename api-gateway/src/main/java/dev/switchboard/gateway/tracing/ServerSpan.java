package dev.switchboard.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The span that tracing opened for an exchange's server observation ({@code http.server.requests}). Read from the
 * exchange rather than from the current thread: Reactor does not carry the tracing thread-locals onto the event loop
 * (automatic context propagation is off, it costs every operator).
 */
public final class ServerSpan {

    private ServerSpan() {
    }

    public static Optional<Span> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan);
    }
}
