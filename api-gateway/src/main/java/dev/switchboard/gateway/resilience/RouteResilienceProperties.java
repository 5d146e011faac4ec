package dev.switchboard.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker and timeout per route: {@code defaults} for every route, {@code routes.<route-id>} overriding
 * any of its fields.
 */
@ConfigurationProperties("switchboard.gateway.resilience")
public record RouteResilienceProperties(@DefaultValue Policy defaults, @DefaultValue Map<String, Override> routes) {

    /**
     * A complete policy.
     *
     * @param timeout longest a call to the route's backend may take (all attempts included) before the client gets
     *     504
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slowCallDurationThreshold calls slower than this count as slow
     * @param slowCallRateThreshold percentage of slow calls in the window that opens the breaker
     * @param slidingWindowSize number of most recent calls the rates are computed over
     * @param minimumNumberOfCalls calls needed in the window before rates are evaluated
     * @param waitDurationInOpenState how long an open breaker refuses calls before letting trial calls through
     * @param permittedCallsInHalfOpenState trial calls let through by a half-open breaker
     */
    public record Policy(@DefaultValue("10s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10s") Duration slowCallDurationThreshold, @DefaultValue("100") float slowCallRateThreshold,
            @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitDurationInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState) {

        Policy with(Override o) {
            return new Policy(or(o.timeout(), timeout), or(o.failureRateThreshold(), failureRateThreshold),
                    or(o.slowCallDurationThreshold(), slowCallDurationThreshold),
                    or(o.slowCallRateThreshold(), slowCallRateThreshold), or(o.slidingWindowSize(), slidingWindowSize),
                    or(o.minimumNumberOfCalls(), minimumNumberOfCalls),
                    or(o.waitDurationInOpenState(), waitDurationInOpenState),
                    or(o.permittedCallsInHalfOpenState(), permittedCallsInHalfOpenState));
        }

        private static <T> T or(@Nullable T value, T fallback) {
            return value != null ? value : fallback;
        }
    }

    /** The fields of {@link Policy} a route overrides; unset fields come from the defaults. */
    public record Override(@Nullable Duration timeout, @Nullable Float failureRateThreshold,
            @Nullable Duration slowCallDurationThreshold, @Nullable Float slowCallRateThreshold,
            @Nullable Integer slidingWindowSize, @Nullable Integer minimumNumberOfCalls,
            @Nullable Duration waitDurationInOpenState, @Nullable Integer permittedCallsInHalfOpenState) {
    }

    /** The effective policy of a route. */
    public Policy policyOf(String routeId) {
        Override override = routes.get(routeId);
        return override != null ? defaults.with(override) : defaults;
    }
}
