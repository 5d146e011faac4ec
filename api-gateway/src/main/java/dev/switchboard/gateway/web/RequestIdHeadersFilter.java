package dev.switchboard.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands the exchange's request id ({@link RequestIdWebFilter}) to the backend on the proxied request, in place of a
 * malformed one the client sent. Written here, on the headers Spring Cloud Gateway builds for the backend anyway,
 * rather than by mutating the incoming request: that would copy every header and wrap the exchange for the rest of
 * the chain, on every request that came without an id.
 */
public class RequestIdHeadersFilter implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String requestId = RequestIdWebFilter.of(exchange);
        if (requestId == null || requestId.equals(input.getFirst(RequestIdWebFilter.HEADER))) {
            return input;
        }
        HttpHeaders withRequestId = new HttpHeaders();
        withRequestId.putAll(input);
        withRequestId.set(RequestIdWebFilter.HEADER, requestId);
        return withRequestId;
    }
}
