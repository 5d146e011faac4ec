package dev.switchboard.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.netty.channel.AbortedException;

/**
 * Turns whatever went wrong while serving an exchange into the problem the client gets. Backend trouble
 * (unreachable instance, no instance, open breaker) becomes a 503 that names the route and says when to come
 * back, a slow backend a 504; raw exception text of unexpected failures never reaches the client.
 */
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    private final RetryAfterAdvisor retryAfter;

    public ProblemMapper(RetryAfterAdvisor retryAfter) {
        this.retryAfter = retryAfter;
    }

    public GatewayProblem toProblem(Throwable error, ServerWebExchange exchange) {
        if (error instanceof GatewayProblem problem) {
            return problem;
        }
        String routeId = routeId(exchange);
        Throwable cause = rootOf(error);
        if (routeId != null) {
            GatewayProblem backend = backendProblem(error, cause, routeId);
            if (backend != null) {
                return backend;
            }
        }
        if (error instanceof ServerWebInputException input) {
            return new GatewayProblem(input.getStatusCode(), "bad-request",
                    input.getReason() != null ? input.getReason() : "The request could not be read");
        }
        if (cause instanceof DataBufferLimitException) {
            return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "The request body is too large");
        }
        if (error instanceof ResponseStatusException status) {
            String detail = status.getStatusCode().value() == 404
                    ? "No route or endpoint for " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()
                    : status.getStatusCode().is5xxServerError() || status.getReason() == null
                            ? HttpStatus.valueOf(status.getStatusCode().value()).getReasonPhrase()
                            : status.getReason();
            return new GatewayProblem(status.getStatusCode(), GatewayProblem.kindOf(status.getStatusCode()), detail);
        }
        log.error("Unexpected failure serving {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The gateway failed to serve this request");
    }

    private @Nullable GatewayProblem backendProblem(Throwable error, Throwable cause, String routeId) {
        // The gateway's CircuitBreaker filter turns resilience4j's CallNotPermittedException into this one.
        if (cause instanceof CallNotPermittedException || cause instanceof ServiceUnavailableException) {
            return unavailable(routeId, "circuit-open",
                    "The circuit breaker of route '" + routeId + "' is open: its backend failed repeatedly",
                    retryAfter.whileOpen(routeId));
        }
        if (error instanceof NotFoundException) {
            return unavailable(routeId, "backend-unavailable",
                    "No healthy instance of the backend of route '" + routeId + "' is available", retryAfter.whenUnreachable(routeId));
        }
        // ReadTimeoutException: the route's timeout passed between two reads of the backend's response.
        if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
                || error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
            return new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT, "backend-timeout",
                    "The backend of route '" + routeId + "' did not answer in time").withProperty("route", routeId);
        }
        if (cause instanceof ConnectException || cause instanceof IOException || cause instanceof AbortedException) {
            return unavailable(routeId, "backend-unavailable",
                    "The backend of route '" + routeId + "' could not be reached", retryAfter.whenUnreachable(routeId));
        }
        return null;
    }

    private static GatewayProblem unavailable(String routeId, String kind, String detail, long retryAfterSeconds) {
        return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, kind, detail)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds))
                .withProperty("route", routeId);
    }

    static @Nullable String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : null;
    }

    private static Throwable rootOf(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
