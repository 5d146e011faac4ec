package dev.switchboard.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date.
 */
public final class RetryAfter {

    private final Clock clock;

    public RetryAfter(Clock clock) {
        this.clock = clock;
    }

    /** The wait the header asks for; empty when absent or unreadable, zero when the date is past. */
    public Optional<Duration> parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(this.clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
