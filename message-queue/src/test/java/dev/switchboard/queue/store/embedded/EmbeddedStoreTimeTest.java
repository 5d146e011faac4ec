package dev.switchboard.queue.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.queue.store.NewMessage;
import dev.switchboard.queue.store.Published;
import dev.switchboard.queue.store.QueueStats;
import dev.switchboard.queue.store.SettingsUpdate;
import dev.switchboard.queue.store.StoreDefaults;
import dev.switchboard.queue.store.jdbc.JdbcQueueStore;
import dev.switchboard.queue.store.jdbc.SqlDialect;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's time-driven rules on a clock the test moves: visibility, idempotency window, retention, ages. */
class EmbeddedStoreTimeTest {

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private EmbeddedDatabase database;
    private JdbcQueueStore store;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(dataDir, 1, 16);
        store = new JdbcQueueStore(database.writer(), SqlDialect.sqlite(),
                new StoreDefaults(Duration.ofSeconds(30), 5, Duration.ofHours(1), Duration.ofMinutes(5)), clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void aDeliveryIsInvisibleUntilItsTimeoutThenReadyWithTheNextCount() {
        store.publish("q", List.of(NewMessage.of("1")));
        assertThat(store.receive("q", 1, null)).singleElement().satisfies(delivery -> assertThat(delivery.deliveryCount()).isEqualTo(1));

        clock.advance(Duration.ofSeconds(29));
        assertThat(store.receive("q", 1, null)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.receive("q", 1, null)).singleElement().satisfies(delivery -> assertThat(delivery.deliveryCount()).isEqualTo(2));
    }

    @Test
    void anIdempotencyKeyIsForgottenAfterTheWindow() {
        Published first = store.publish("q", List.of(new NewMessage("1", Duration.ZERO, "key", null))).get(0);
        clock.advance(Duration.ofMinutes(4));
        Published replay = store.publish("q", List.of(new NewMessage("1", Duration.ZERO, "key", null))).get(0);
        assertThat(replay.duplicate()).isTrue();
        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(replay.enqueuedAt()).isEqualTo(first.enqueuedAt());

        clock.advance(Duration.ofMinutes(2));
        Published later = store.publish("q", List.of(new NewMessage("1", Duration.ZERO, "key", null))).get(0);
        assertThat(later.duplicate()).isFalse();
        assertThat(later.id()).isNotEqualTo(first.id());
    }

    @Test
    void removesMessagesPastTheirQueuesRetentionAndKeysPastTheWindow() {
        store.putSettings("short", new SettingsUpdate(null, null, Duration.ofMinutes(10)));
        store.publish("short", List.of(new NewMessage("1", Duration.ZERO, "k1", null)));
        store.publish("long", List.of(NewMessage.of("2")));

        clock.advance(Duration.ofMinutes(11));
        store.publish("short", List.of(NewMessage.of("3")));
        int removed = store.removeExpired();

        assertThat(removed).as("one message and one idempotency key").isEqualTo(2);
        assertThat(store.stats("short").orElseThrow().ready()).isEqualTo(1);
        assertThat(store.stats("long").orElseThrow().ready()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(50));
        store.removeExpired();
        assertThat(store.stats("long").orElseThrow().ready()).isZero();
    }

    @Test
    void statsCountEveryStateAndTheOldestReadyAge() {
        store.putSettings("q", new SettingsUpdate(null, 1, null));
        store.publish("q", List.of(NewMessage.of("\"dead\""), NewMessage.of("\"in flight\""), NewMessage.of("\"ready\""),
                new NewMessage("\"delayed\"", Duration.ofMinutes(1), null, null)));
        store.receive("q", 1, Duration.ZERO);
        // "dead" was delivered maxDeliveries (1) times: it moves to q.dlq, and "in flight" is delivered instead.
        assertThat(store.receive("q", 1, Duration.ofMinutes(5))).singleElement()
                .satisfies(delivery -> assertThat(delivery.payload()).isEqualTo("\"in flight\""));
        clock.advance(Duration.ofSeconds(10));

        QueueStats stats = store.stats("q").orElseThrow();
        assertThat(stats.inFlight()).isEqualTo(1);
        assertThat(stats.delayed()).isEqualTo(1);
        assertThat(stats.deadLettered()).isEqualTo(1);
        assertThat(stats.ready()).isEqualTo(1);
        assertThat(stats.oldestReadyAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(stats.published()).isEqualTo(4);
        assertThat(stats.delivered()).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
