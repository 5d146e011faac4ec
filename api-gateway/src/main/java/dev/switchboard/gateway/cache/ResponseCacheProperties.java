package dev.switchboard.gateway.cache;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Which GET responses the gateway keeps in memory, and for how long.
 *
 * @param enabled switches the cache off entirely
 * @param routes ids of the gateway routes whose GET responses are cached
 * @param paths path patterns whose GET responses are cached, whatever the route (e.g. {@code /api/v1/search/**})
 * @param ttl how long an entry is served at most; a backend's shorter {@code max-age}/{@code s-maxage} wins
 * @param maxSize bound of the whole cache (bodies and headers); least recently used entries are evicted beyond it
 * @param maxEntrySize responses larger than this are passed through and not kept
 * @param keyByPrincipal whether the caller's identity (API key name or JWT subject) is part of the key, so that a
 *        response never goes to another caller; switch off only for routes whose answers are the same for all
 */
@Validated
@ConfigurationProperties("switchboard.gateway.cache")
public record ResponseCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> routes,
        @DefaultValue List<String> paths,
        @DefaultValue("30s") @NotNull Duration ttl,
        @DefaultValue("64MB") @NotNull DataSize maxSize,
        @DefaultValue("1MB") @NotNull DataSize maxEntrySize,
        @DefaultValue("true") boolean keyByPrincipal) {

    public ResponseCacheProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("switchboard.gateway.cache.ttl must be positive, got " + ttl);
        }
        if (maxEntrySize.toBytes() <= 0 || maxSize.toBytes() < maxEntrySize.toBytes()) {
            throw new IllegalArgumentException("switchboard.gateway.cache.max-entry-size must be positive and at most"
                    + " max-size, got " + maxEntrySize + " and " + maxSize);
        }
    }
}
