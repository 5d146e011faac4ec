package dev.switchboard.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers tokens the delegate accepted, keyed by the token's SHA-256 (the
 * tokens themselves are not kept), until the configured TTL or the token's {@code exp}, whichever comes first.
 * The signature check (RS256) is most of a JWT route's authentication cost; refused tokens are never remembered.
 */
final class ValidatedJwtCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> validated;
    private final Clock clock;

    ValidatedJwtCache(ReactiveJwtDecoder delegate, JwtCacheProperties properties, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfter(Expiry.creating((String key, Jwt jwt) -> lifetime(jwt, properties.ttl())))
                .executor(Runnable::run) // maintenance on the calling thread, as for the rate-limit buckets
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        String key = HexFormat.of().formatHex(Sha256Digests.of(token));
        Jwt remembered = validated.getIfPresent(key);
        if (remembered != null && isUnexpired(remembered)) {
            return Mono.just(remembered);
        }
        return delegate.decode(token).doOnNext(jwt -> validated.put(key, jwt));
    }

    private Duration lifetime(Jwt jwt, Duration ttl) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return ttl;
        }
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        return untilExpiry.isNegative() ? Duration.ZERO : (untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl);
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || expiresAt.isAfter(clock.instant());
    }
}
