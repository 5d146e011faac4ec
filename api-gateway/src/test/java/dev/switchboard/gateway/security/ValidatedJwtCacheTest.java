package dev.switchboard.gateway.security;

import java.time.ZoneId;
import java.util.function.Function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedJwtCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private final AtomicInteger validations = new AtomicInteger();

    @Test
    void anAcceptedTokenIsValidatedOnce() {
        ValidatedJwtCache cache = cache(token -> jwt(NOW.plusSeconds(600)), NOW);

        Jwt first = cache.decode("token-a").block();
        Jwt second = cache.decode("token-a").block();
        cache.decode("token-b").block();

        assertThat(second).isSameAs(first);
        assertThat(validations).hasValue(2);
    }

    @Test
    void aRememberedTokenIsNotServedPastItsExpiry() {
        MutableClock clock = new MutableClock(NOW);
        AtomicInteger calls = new AtomicInteger();
        ValidatedJwtCache cache = new ValidatedJwtCache(token -> calls.incrementAndGet() == 1
                ? Mono.just(jwt(NOW.plusSeconds(5))) : Mono.error(new BadJwtException("Jwt expired")),
                new JwtCacheProperties(true, Duration.ofMinutes(5), 100), clock);
        cache.decode("token-a").block();
        assertThat(cache.decode("token-a").block()).isNotNull();

        clock.now = NOW.plusSeconds(10);

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("token-a").block());
        assertThat(calls).hasValue(2);
    }

    @Test
    void refusedTokensAreNotRemembered() {
        ValidatedJwtCache cache = cache(token -> {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }, NOW);

        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("forged").block());
        }
        assertThat(validations).hasValue(2);
    }

    private ValidatedJwtCache cache(Function<String, Jwt> validator, Instant now) {
        ReactiveJwtDecoder delegate = token -> Mono.fromCallable(() -> {
            validations.incrementAndGet();
            return validator.apply(token);
        });
        return new ValidatedJwtCache(delegate, new JwtCacheProperties(true, Duration.ofMinutes(5), 100),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Jwt jwt(Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("client-42").issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt).build();
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
