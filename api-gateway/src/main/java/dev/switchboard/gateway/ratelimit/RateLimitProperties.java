package dev.switchboard.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token-bucket rate limits per client and route.
 *
 * @param enabled whether requests to routes are rate limited at all
 * @param mode where buckets live: {@code memory} (this gateway only, bounded) or {@code redis} (shared by every
 *     gateway replica using the same Redis)
 * @param keyHeader header whose value identifies the client (an API key); blank to identify clients by IP only
 * @param trustForwardedFor take the client IP from the first {@code X-Forwarded-For} address (only behind a proxy
 *     that sets it) instead of the connection's peer address
 * @param defaults limit of every route without its own
 * @param routes limits per route id, overriding the defaults
 * @param maxClients most buckets kept in memory; the least recently used are dropped beyond it
 * @param idleExpiry a client's in-memory bucket is dropped after this long without requests
 * @param redisKeyPrefix namespace put in every Redis key the limiter writes
 *     ({@code request_rate_limiter.{<route>.<prefix><client>}.tokens})
 */
@Validated
@ConfigurationProperties("switchboard.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("memory") Mode mode,
        @DefaultValue("X-API-Key") String keyHeader, @DefaultValue("false") boolean trustForwardedFor,
        @Valid @DefaultValue Limit defaults, @DefaultValue Map<String, @Valid Limit> routes,
        @Min(1) @DefaultValue("100000") long maxClients, @DefaultValue("10m") Duration idleExpiry,
        @NotBlank @DefaultValue("switchboard:gateway:rate-limit:") String redisKeyPrefix) {

    /** Where buckets live. */
    public enum Mode {
        MEMORY, REDIS
    }

    /**
     * A token bucket: {@code burstCapacity} tokens at most, refilled at {@code replenishRate} tokens per second; each
     * request takes one.
     */
    public record Limit(@Min(1) @DefaultValue("100") int replenishRate, @Min(1) @DefaultValue("200") long burstCapacity) {
    }

    /** The limit that applies to {@code routeId}. */
    public Limit limitOf(String routeId) {
        @Nullable Limit own = routes.get(routeId);
        return own != null ? own : defaults;
    }
}
