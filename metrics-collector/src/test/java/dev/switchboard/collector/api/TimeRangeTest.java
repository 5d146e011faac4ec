package dev.switchboard.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.support.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void defaultsToTheLastHourInAbout120Steps() {
        TimeRange range = TimeRange.parse(null, null, null, NOW, INTERVAL);
        assertThat(range.from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.step()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void acceptsInstantsEpochMillisAndDurations() {
        TimeRange range = TimeRange.parse("2026-11-25T08:00:00Z", String.valueOf(NOW.toEpochMilli()), "PT5M", NOW,
                INTERVAL);
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeRange.parse(null, null, "2m", NOW, INTERVAL).step()).isEqualTo(Duration.ofMinutes(2));
        // A short range is never cut finer than the poll interval by default.
        assertThat(TimeRange.parse("2026-11-25T09:59:00Z", null, null, NOW, INTERVAL).step()).isEqualTo(INTERVAL);
    }

    @Test
    void rejectsMalformedInvertedAndOversizedRanges() {
        for (String[] bad : new String[][] {{"yesterday", null, null}, {null, "2026-13-01T00:00:00Z", null},
                {"2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z", null}, {"2026-11-25T10:00:00Z", null, null},
                {null, null, "0s"}, {null, null, "-1m"}, {null, null, "often"}, {"2026-01-01T00:00:00Z", null, "1s"}}) {
            assertThatThrownBy(() -> TimeRange.parse(bad[0], bad[1], bad[2], NOW, INTERVAL))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).getStatusCode().value()).isEqualTo(400));
        }
    }
}
