package dev.switchboard.gateway.retry;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.server.ServerWebExchange;

/**
 * The retries an exchange may make, shared by both retry points ({@link RetryOnOtherInstanceFilter} before the
 * response headers, {@link RetryBrokenResponseFilter} while the body starts), so that a request is sent at most
 * {@code 1 + retries} times in all. Only a retry taken leaves a mark on the exchange: requests that need none, nearly
 * all of them, cost a set look-up and an attribute read.
 */
final class RetryBudget {

    private static final String SPENT_ATTRIBUTE = RetryBudget.class.getName() + ".spent";

    private final int retries;
    private final Set<String> methods;

    RetryBudget(RetryProperties properties) {
        this.retries = properties.retries();
        this.methods = properties.methods().stream().map(method -> method.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the exchange's method may be sent twice at all. */
    boolean covers(ServerWebExchange exchange) {
        return retries > 0 && methods.contains(exchange.getRequest().getMethod().name());
    }

    /** Whether the exchange's method may be sent twice and a retry is left. */
    boolean hasLeft(ServerWebExchange exchange) {
        return covers(exchange) && spent(exchange) < retries;
    }

    void spend(ServerWebExchange exchange) {
        exchange.getAttributes().put(SPENT_ATTRIBUTE, spent(exchange) + 1);
    }

    private static int spent(ServerWebExchange exchange) {
        Integer spent = exchange.getAttribute(SPENT_ATTRIBUTE);
        return spent != null ? spent : 0;
    }
}
