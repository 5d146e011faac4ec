package dev.switchboard.gateway.web;

/** How long a client should wait before trying a route again, for the {@code Retry-After} header. */
public interface RetryAfterAdvisor {

    /** Seconds until the route's open circuit breaker lets a trial call through. */
    long whileOpen(String routeId);

    /** Seconds before the route's backend may be reachable again. */
    long whenUnreachable(String routeId);
}
