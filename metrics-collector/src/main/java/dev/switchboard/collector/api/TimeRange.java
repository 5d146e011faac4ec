package dev.switchboard.collector.api;

import dev.switchboard.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

/**
 * A validated {@code ?from=&to=&step=} range. {@code from} and {@code to} are ISO-8601 instants
 * ({@code 2026-11-25T08:00:00Z}) or epoch milliseconds; {@code to} defaults to now and {@code from} to one hour
 * before {@code to}. {@code step} is a duration ({@code 30s}, {@code 5m}, {@code PT1M}); by default the range is
 * cut into about 120 steps, never finer than the poll interval.
 *
 * @param from start, inclusive
 * @param to end, exclusive
 * @param step width of one point
 */
record TimeRange(Instant from, Instant to, Duration step) {

    static final int MAX_POINTS = 5_000;
    private static final int DEFAULT_POINTS = 120;

    static TimeRange parse(@Nullable String from, @Nullable String to, @Nullable String step, Instant now,
                           Duration minimumStep) {
        Instant end = blank(to) ? now : instant("to", to);
        Instant start = blank(from) ? end.minus(Duration.ofHours(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw invalid("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        Duration range = Duration.between(start, end);
        Duration width;
        if (blank(step)) {
            width = range.dividedBy(DEFAULT_POINTS);
            if (width.compareTo(minimumStep) < 0) {
                width = minimumStep;
            }
        } else {
            width = duration(step);
            if (width.isNegative() || width.isZero() || width.toMillis() < 1) {
                throw invalid("'step' must be positive, got '" + step + "'");
            }
        }
        if (range.toMillis() / width.toMillis() > MAX_POINTS) {
            throw invalid("the range from " + start + " to " + end + " in steps of " + width + " gives more than "
                    + MAX_POINTS + " points; use a larger step");
        }
        return new TimeRange(start, end, width);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String name, String value) {
        String text = value.strip();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid("'" + name + "' must be an ISO-8601 instant such as 2026-11-25T08:00:00Z or epoch "
                    + "milliseconds, got '" + value + "'");
        }
    }

    private static Duration duration(String value) {
        try {
            return DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("'step' must be a duration such as 30s, 5m or PT1M, got '" + value + "'");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-time-range", detail);
    }
}
