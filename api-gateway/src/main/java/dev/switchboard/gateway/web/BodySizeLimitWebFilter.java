package dev.switchboard.gateway.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above the configured size with 413: at once when {@code Content-Length} announces too
 * much, and while streaming when a chunked body grows past the limit (the backend then never gets the rest).
 */
public class BodySizeLimitWebFilter implements WebFilter, Ordered {

    public static final int ORDER = ProblemWebFilter.ORDER + 10;

    private final long maxBytes;

    public BodySizeLimitWebFilter(DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
            // A declared length within the limit is enforced by the HTTP codec: the body cannot outgrow it.
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private GatewayProblem tooLarge() {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                "The request body is larger than the " + maxBytes + " bytes this gateway accepts");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
