package dev.switchboard.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remembering bearer tokens that passed validation, so that a client sending the same token again does not pay
 * the signature check again.
 *
 * @param enabled switches the memory off: every request's token is then validated in full
 * @param ttl how long a validated token is remembered at most (never past its {@code exp}); it is also how long a
 *        key removed from the issuer's JWK set keeps admitting the tokens it signed
 * @param maxEntries how many tokens are remembered
 */
@ConfigurationProperties("switchboard.gateway.auth.jwt-cache")
public record JwtCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration ttl,
        @DefaultValue("10000") long maxEntries) {

    public JwtCacheProperties {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("switchboard.gateway.auth.jwt-cache needs a positive ttl and max-entries, got "
                    + ttl + " and " + maxEntries);
        }
    }
}
