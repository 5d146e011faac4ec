package dev.switchboard.gateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Cache-Control} directives the cache acts on, parsed directive by directive (a combined value such as
 * {@code private, no-store} counts as both; comparing whole header values is how LocalResponseCache got
 * CVE-2026-59427).
 */
record CacheDirectives(boolean noStore, boolean noCache, boolean isPrivate, Optional<Duration> maxAge,
        Optional<Duration> sharedMaxAge) {

    static CacheDirectives parse(List<String> headerValues) {
        boolean noStore = false;
        boolean noCache = false;
        boolean isPrivate = false;
        Optional<Duration> maxAge = Optional.empty();
        Optional<Duration> sharedMaxAge = Optional.empty();
        for (String value : headerValues) {
            for (String raw : value.split(",")) {
                String directive = raw.strip().toLowerCase(Locale.ROOT);
                int equals = directive.indexOf('=');
                String name = equals < 0 ? directive : directive.substring(0, equals).strip();
                String argument = equals < 0 ? "" : directive.substring(equals + 1).strip().replace("\"", "");
                switch (name) {
                    case "no-store" -> noStore = true;
                    case "no-cache" -> noCache = true;
                    case "private" -> isPrivate = true;
                    case "max-age" -> maxAge = seconds(argument).or(() -> Optional.of(Duration.ZERO));
                    case "s-maxage" -> sharedMaxAge = seconds(argument).or(() -> Optional.of(Duration.ZERO));
                    default -> {
                        // Other directives (public, must-revalidate, immutable, ...) do not change what is stored.
                    }
                }
            }
        }
        return new CacheDirectives(noStore, noCache, isPrivate, maxAge, sharedMaxAge);
    }

    /** The freshness lifetime a shared cache may use: {@code s-maxage}, else {@code max-age}. */
    Optional<Duration> sharedFreshness() {
        return sharedMaxAge.or(this::maxAge);
    }

    private static Optional<Duration> seconds(String argument) {
        try {
            long value = Long.parseLong(argument);
            return Optional.of(Duration.ofSeconds(Math.max(0, value)));
        }
        catch (NumberFormatException ex) {
            // An unparsable age is treated as already stale (RFC 9111, 4.2.1).
            return Optional.empty();
        }
    }
}
