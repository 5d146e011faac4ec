package dev.switchboard.gateway.retry;

import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * The retries one exchange may still make, shared by both retry points ({@link RetryOnOtherInstanceFilter} before the
 * response headers, {@link RetryBrokenResponseFilter} while the body starts), so that a request is sent at most
 * {@code 1 + retries} times in all. An exchange is handled by one signal at a time, so the count needs no
 * synchronisation.
 */
final class RetryBudget {

    private static final String ATTRIBUTE = RetryBudget.class.getName();

    private int left;

    private RetryBudget(int left) {
        this.left = left;
    }

    /** The exchange's budget: {@code retries} for a method that is retried, none for the others. */
    static RetryBudget of(ServerWebExchange exchange, int retries, Set<String> methods) {
        RetryBudget budget = exchange.getAttribute(ATTRIBUTE);
        if (budget == null) {
            budget = new RetryBudget(methods.contains(exchange.getRequest().getMethod().name()) ? retries : 0);
            exchange.getAttributes().put(ATTRIBUTE, budget);
        }
        return budget;
    }

    boolean hasLeft() {
        return left > 0;
    }

    /** Spends one retry; {@code false} when none is left. */
    boolean take() {
        if (left == 0) {
            return false;
        }
        left--;
        return true;
    }
}
