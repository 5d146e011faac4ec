package dev.switchboard.collector.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** Aggregation, retention and the summary figures, on a real SQLite file with known samples. */
class HistoryStoreTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:30Z");

    private HikariDataSource dataSource;
    private HistoryStore store;
    private HistoryQueries queries;

    @BeforeEach
    void openDatabase() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "history-test"));
        Path file = Files.createTempFile(dir, "history", ".db");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
        HikariConfig config = new HikariConfig();
        config.setDataSource(sqlite);
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        store = new HistoryStore(dataSource);
        queries = new HistoryQueries(dataSource, Duration.ofHours(24), Duration.ofHours(6));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void summaryFiguresMatchKnownSamples() {
        // 10 polls in the last hour: 8 UP taking 10..80 ms, 2 DOWN; 10 more a few hours ago, all DOWN.
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            samples.add(sample("svc", NOW.minusSeconds(60L * i), HealthStatus.UP, 10L * i));
        }
        samples.add(sample("svc", NOW.minusSeconds(600), HealthStatus.DOWN, 2000));
        samples.add(sample("svc", NOW.minusSeconds(610), HealthStatus.DOWN, 2000));
        for (int i = 0; i < 10; i++) {
            samples.add(sample("svc", NOW.minus(Duration.ofHours(3)).plusSeconds(i), HealthStatus.DOWN, 5));
        }
        samples.add(sample("svc", NOW.minusSeconds(5), HealthStatus.UNKNOWN, 1));
        store.append(samples);

        assertThat(queries.availability(NOW.minus(Duration.ofHours(1))).get("svc").percent()).isEqualTo(80.0);
        assertThat(queries.availability(NOW.minus(Duration.ofHours(24))).get("svc").percent()).isEqualTo(40.0);
        Percentiles times = queries.responseTimes(NOW.minus(Duration.ofHours(1))).get("svc");
        assertThat(times.count()).isEqualTo(8);
        assertThat(times.p50()).isEqualTo(40.0);
        assertThat(times.p95()).isEqualTo(80.0);
        assertThat(times.p99()).isEqualTo(80.0);

        // The same figures once most of it has been rolled into one-minute aggregates.
        assertThat(store.aggregate(NOW, Duration.ofSeconds(5))).isGreaterThan(0);
        assertThat(queries.availability(NOW.minus(Duration.ofHours(24))).get("svc").percent()).isEqualTo(40.0);
    }

    @Test
    void percentilesUseNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        Percentiles pct = Percentiles.of(hundred);
        assertThat(pct.p50()).isEqualTo(50.0);
        assertThat(pct.p95()).isEqualTo(95.0);
        assertThat(pct.p99()).isEqualTo(99.0);
        assertThat(pct.average()).isCloseTo(50.5, within(1e-9));
        assertThat(Percentiles.of(new long[0]).p50()).isNull();
        java.util.TreeMap<Long, Long> histogram = new java.util.TreeMap<>();
        for (long value : hundred) {
            histogram.merge(value, 1L, Long::sum);
        }
        assertThat(Percentiles.ofHistogram(histogram)).isEqualTo(pct);
        assertThat(Percentiles.ofHistogram(new java.util.TreeMap<>(java.util.Map.of(5L, 3L, 9L, 1L))))
                .isEqualTo(Percentiles.of(new long[] {5, 5, 5, 9}));
    }

    @Test
    void retentionTrimsRawAfterAggregationAndOldAggregates() {
        store.append(List.of(
                sample("svc", NOW.minus(Duration.ofDays(31)), HealthStatus.UP, 10),
                sample("svc", NOW.minus(Duration.ofHours(25)), HealthStatus.UP, 20),
                sample("svc", NOW.minus(Duration.ofHours(1)), HealthStatus.DOWN, 30)));

        // Nothing aggregated yet: raw samples are kept whatever their age, so no data is lost.
        store.trim(NOW, Duration.ofHours(24), Duration.ofDays(30));
        assertThat(count("sample")).isEqualTo(3);

        assertThat(store.aggregate(NOW, Duration.ofSeconds(5))).isEqualTo(3);
        assertThat(count("minute")).isEqualTo(3);
        int deleted = store.trim(NOW, Duration.ofHours(24), Duration.ofDays(30));

        assertThat(count("sample")).isEqualTo(1);
        assertThat(count("minute")).isEqualTo(2);
        assertThat(deleted).isEqualTo(3);
        // The 25-hour-old poll still counts through its aggregate.
        Map<String, Availability> day = queries.availability(NOW.minus(Duration.ofHours(26)));
        assertThat(day.get("svc")).isEqualTo(new Availability(2, 1));
    }

    @Test
    void seriesBucketsRawSamplesByStep() {
        Instant from = Instant.parse("2026-11-25T11:00:00Z");
        store.append(List.of(
                sample("svc", from.plusSeconds(1), HealthStatus.UP, 10),
                sample("svc", from.plusSeconds(2), HealthStatus.UP, 30),
                sample("svc", from.plusSeconds(61), HealthStatus.DOWN, 2000),
                sample("other", from.plusSeconds(1), HealthStatus.UP, 99)));

        List<SeriesPoint> points = queries.series("svc", from, from.plusSeconds(120), Duration.ofMinutes(1), NOW);

        assertThat(points).hasSize(2);
        assertThat(points.get(0).at()).isEqualTo(from);
        assertThat(points.get(0).polls()).isEqualTo(2);
        assertThat(points.get(0).avgMillis()).isEqualTo(20.0);
        assertThat(points.get(0).p95Millis()).isEqualTo(30.0);
        assertThat(points.get(1).availability()).isZero();
        assertThat(points.get(1).avgMillis()).isNull();
    }

    @Test
    void longRangesReadAggregatesAndTheRawTail() {
        store.append(List.of(
                sample("svc", NOW.minus(Duration.ofHours(20)), HealthStatus.UP, 10),
                sample("svc", NOW.minusSeconds(20), HealthStatus.UP, 50)));
        store.aggregate(NOW, Duration.ofSeconds(5));
        store.trim(NOW, Duration.ofHours(1), Duration.ofDays(30));
        assertThat(count("sample")).isEqualTo(1);

        List<SeriesPoint> points = queries.series("svc", NOW.minus(Duration.ofHours(24)), NOW, Duration.ofHours(1), NOW);

        assertThat(points).extracting(SeriesPoint::polls).containsExactly(1L, 1L);
        assertThat(points).extracting(SeriesPoint::avgMillis).containsExactly(10.0, 50.0);
        assertThat(queries.knows("svc")).isTrue();
        assertThat(queries.knows("nope")).isFalse();
    }

    private long count(String table) {
        return store.jdbc().queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static Sample sample(String service, Instant at, HealthStatus status, long millis) {
        return new Sample(service, "i1", at, status, status == HealthStatus.UP ? 200 : 503, millis,
                status == HealthStatus.DOWN ? "HTTP 503" : null, null);
    }
}
