package dev.switchboard.gateway.observe;

import dev.switchboard.gateway.tracing.ServerSpan;
import dev.switchboard.gateway.web.ProblemWebFilter;
import dev.switchboard.gateway.web.RequestIdWebFilter;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Observes every finished exchange once: one access-log line (method, path, route, status, latency, instance,
 * request id, trace id) and the per-route meters. It wraps {@link ProblemWebFilter}, so errors are seen with the
 * status the client got.
 */
public class ExchangeLogWebFilter implements WebFilter, Ordered {

    public static final int ORDER = RequestIdWebFilter.ORDER + 10;
    /** Status logged and counted when the client went away before the response was complete (nginx's 499). */
    static final int CLIENT_CLOSED = 499;

    private static final Logger accessLog = LoggerFactory.getLogger("dev.switchboard.gateway.access");

    private final RouteMeters meters;

    public ExchangeLogWebFilter(RouteMeters meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> finished(exchange, signal, System.nanoTime() - start));
    }

    private void finished(ServerWebExchange exchange, SignalType signal, long nanos) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : RouteMeters.NO_ROUTE;
        HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
        int status = signal == SignalType.CANCEL ? CLIENT_CLOSED : statusCode != null ? statusCode.value() : 200;
        meters.record(routeId, status, nanos);
        if (accessLog.isInfoEnabled()) {
            accessLog.info("{} {} route={} status={} latency={}ms instance={} requestId={} traceId={}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), routeId, status,
                    millis(nanos), instanceOf(exchange), RequestIdWebFilter.of(exchange), traceIdOf(exchange));
        }
    }

    /** Milliseconds with one decimal, without String.format's cost on the hot path. */
    static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** The log pattern's trace id is empty on the event loop, so the line carries the server span's own. */
    private static String traceIdOf(ServerWebExchange exchange) {
        return ServerSpan.of(exchange).map(span -> span.context().traceId()).orElse("-");
    }

    private static String instanceOf(ServerWebExchange exchange) {
        if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR) == null) {
            return "-";
        }
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        return url != null ? url.getHost() + ":" + url.getPort() : "-";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
