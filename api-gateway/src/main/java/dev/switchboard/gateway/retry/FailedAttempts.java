package dev.switchboard.gateway.retry;

import java.io.IOException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

/** What both retry points do with a failed attempt: decide whether it may be retried, and clear it away. */
final class FailedAttempts {

    private FailedAttempts() {
    }

    /** A lost or refused connection, a connection closed during the response, or an unreadable response. */
    static boolean isRetryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // AbortedException: a pooled connection the instance had closed (it was killed) failed before sending.
            if (t instanceof IOException || t instanceof AbortedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the failed attempt's connection (its body is not read) and everything it added to the exchange: the
     * response headers copied from the backend and the "already routed" mark. The load balancer's last response stays,
     * so that the next attempt avoids that instance.
     */
    static void discard(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        ServerWebExchangeUtils.reset(exchange);
    }
}
