package dev.switchboard.collector.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.collector.history.HistoryQueries;
import dev.switchboard.collector.history.HistoryStore;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.ServiceStatus;
import dev.switchboard.collector.target.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** The summary of known polls: live status and instances, availability, percentiles and the last change. */
class SummaryServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void summarisesKnownPolls() throws Exception {
        HistoryStore store = new HistoryStore(dataSource());
        LiveState live = new LiveState(List.of(store::recordChange));
        Target a = target("a");
        Target b = target("b");
        live.targetsChanged(List.of(a, b));
        // Instance a: UP for 20 polls (response times 1..20 ms), then DOWN; instance b: always UP at 100 ms.
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(poll(a, NOW.minusSeconds(300 - 10L * i), HealthStatus.UP, i + 1));
            samples.add(poll(b, NOW.minusSeconds(300 - 10L * i), HealthStatus.UP, 100));
        }
        Sample down = poll(a, NOW.minusSeconds(50), HealthStatus.DOWN, 2000);
        samples.add(down);
        samples.forEach(sample -> live.polled(sample.instance().equals("a") ? a : b, sample));
        store.append(samples);

        SummaryService service = new SummaryService(live, new HistoryQueries(dataSource, Duration.ofHours(24),
                Duration.ofHours(6)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(15),
                new SimpleMeterRegistry());
        ServiceSummary summary = service.summary().services().get(0);

        assertThat(summary.service()).isEqualTo("vector-api");
        assertThat(summary.status()).isEqualTo(ServiceStatus.DEGRADED);
        assertThat(summary.instancesUp()).isEqualTo(1);
        assertThat(summary.instancesTotal()).isEqualTo(2);
        assertThat(summary.availability1h()).isCloseTo(100.0 * 40 / 41, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.availability24h()).isEqualTo(summary.availability1h());
        // 40 answered polls: 1..20 ms and twenty at 100 ms. Nearest rank: p50 is the 20th value (20 ms),
        // p95 the 38th and p99 the 40th (100 ms).
        assertThat(summary.responseTime()).isEqualTo(new ServiceSummary.ResponseTime(40, 20.0, 100.0, 100.0));
        assertThat(summary.lastStatusChange()).isNotNull();
        assertThat(summary.lastStatusChange().instance()).isEqualTo("a");
        assertThat(summary.lastStatusChange().from()).isEqualTo("UP");
        assertThat(summary.lastStatusChange().to()).isEqualTo("DOWN");
        assertThat(summary.lastStatusChange().at()).isEqualTo(down.at());
    }

    private HikariDataSource dataSource() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "summary-test"));
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + Files.createTempFile(dir, "history", ".db"));
        HikariConfig config = new HikariConfig();
        config.setDataSource(sqlite);
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        return dataSource;
    }

    private static Target target(String instance) {
        return new Target("vector-api", instance, URI.create("http://" + instance), URI.create("http://" + instance
                + "/health"), Target.Origin.STATIC);
    }

    private static Sample poll(Target target, Instant at, HealthStatus status, long millis) {
        return new Sample(target.service(), target.instance(), at, status, status == HealthStatus.UP ? 200 : 503,
                millis, status == HealthStatus.DOWN ? "HTTP 503" : null, null);
    }
}
