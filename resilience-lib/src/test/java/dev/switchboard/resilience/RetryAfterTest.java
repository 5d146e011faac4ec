package dev.switchboard.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final RetryAfter retryAfter = new RetryAfter(
            Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsDelaySeconds() {
        assertThat(this.retryAfter.parse("120")).hasValue(Duration.ofSeconds(120));
        assertThat(this.retryAfter.parse(" 0 ")).hasValue(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToTheClock() {
        assertThat(this.retryAfter.parse("Wed, 25 Nov 2026 09:00:30 GMT")).hasValue(Duration.ofSeconds(30));
        assertThat(this.retryAfter.parse("Wed, 25 Nov 2026 08:00:00 GMT")).hasValue(Duration.ZERO);
    }

    @Test
    void ignoresAbsentOrUnreadableValues() {
        assertThat(this.retryAfter.parse(null)).isEmpty();
        assertThat(this.retryAfter.parse("")).isEmpty();
        assertThat(this.retryAfter.parse("soon")).isEmpty();
        assertThat(this.retryAfter.parse("-5")).isEmpty();
        assertThat(this.retryAfter.parse("99999999999999999999999")).isEmpty();
    }
}
