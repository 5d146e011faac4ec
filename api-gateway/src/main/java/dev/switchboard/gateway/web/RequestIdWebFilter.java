package dev.switchboard.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}, the same convention as the servlet services: the caller's when it
 * sent a well-formed one, a new UUID otherwise. The id is kept as an exchange attribute (for the access log, error
 * bodies, aggregate parts and {@link RequestIdHeadersFilter}, which forwards it to the backend) and returned in the
 * response.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    /** Ids are echoed into headers and logs, so only a conservative character set is taken from callers. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = resolve(offered);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // Set when the response commits, after a proxied backend's headers were copied in: backends echo the id they
        // were given, and the client must see it once, not twice.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    static String resolve(@Nullable String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the exchange, or {@code null} before this filter ran. */
    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
