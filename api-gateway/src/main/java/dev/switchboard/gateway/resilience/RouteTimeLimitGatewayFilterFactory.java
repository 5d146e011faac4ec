package dev.switchboard.gateway.resilience;

import dev.switchboard.resilience.ResiliencePolicies;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The route's timeout ({@code RouteTimeLimit} filter): resilience-lib's {@code attempt-timeout} of the route id, from
 * the start of the route's filters until the backend's response headers are in, every attempt of a retried request
 * included. (The response body is streamed afterwards by Spring Cloud Gateway's {@code NettyWriteResponseFilter},
 * which wraps all route filters; {@link RouteReadTimeouts} bounds each wait for the body's next bytes by the same
 * limit.) Listed right after the {@code CircuitBreaker} filter, it runs inside the breaker,
 * which therefore counts a timeout as a failure; the client gets a 504 problem.
 * <p>
 * It replaces Spring Cloud CircuitBreaker's time limiter, a {@code Mono.timeout} on Reactor's parallel scheduler:
 * a task scheduled and cancelled across threads on every request. This timer runs on the event loop serving the
 * request ({@link EventLoopSchedulers}).
 */
public class RouteTimeLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RouteTimeLimitGatewayFilterFactory.Config> {

    private final ResiliencePolicies policies;
    private final EventLoopSchedulers schedulers;

    RouteTimeLimitGatewayFilterFactory(ResiliencePolicies policies, EventLoopSchedulers schedulers) {
        super(Config.class);
        this.policies = policies;
        this.schedulers = schedulers;
    }

    @Override
    public GatewayFilter apply(Config config) {
        Duration limit = policies.timeLimiterConfig(Objects.requireNonNull(config.getRouteId(), "routeId"))
                .getTimeoutDuration();
        Context readTimeout = RouteReadTimeouts.contextOf(limit);
        return (exchange, chain) -> chain.filter(exchange)
                .timeout(Mono.delay(limit, schedulers.of(exchange)))
                .contextWrite(readTimeout);
    }

    /** The route the filter belongs to, set by Spring Cloud Gateway. */
    public static class Config implements HasRouteId {

        private @Nullable String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        public @Nullable String getRouteId() {
            return routeId;
        }
    }
}
