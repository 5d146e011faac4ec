package dev.switchboard.queue.store.jdbc;

import dev.switchboard.queue.store.AckResult;
import dev.switchboard.queue.store.Delivery;
import dev.switchboard.queue.store.NewMessage;
import dev.switchboard.queue.store.Published;
import dev.switchboard.queue.store.QueueSettings;
import dev.switchboard.queue.store.QueueStats;
import dev.switchboard.queue.store.QueueStore;
import dev.switchboard.queue.store.ReceiptHandle;
import dev.switchboard.queue.store.SettingsChange;
import dev.switchboard.queue.store.SettingsUpdate;
import dev.switchboard.queue.store.StoreDefaults;
import dev.switchboard.queue.store.TraceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queue store on a SQL database, shared by the embedded (SQLite) and PostgreSQL stores: they differ in how
 * transactions are run ({@link TransactionRunner}) and in a few SQL details ({@link SqlDialect}).
 * <p>
 * A message's state is derived from two columns: ready when {@code visible_at <= now}; otherwise in flight when it
 * carries a receipt, delayed when it does not. Receiving sets a new receipt and pushes {@code visible_at} by the
 * visibility timeout, so an expired delivery is simply ready again, and a stale receipt no longer matches.
 */
public final class JdbcQueueStore implements QueueStore {

    private final TransactionRunner transactions;
    private final SqlDialect dialect;
    private final StoreDefaults defaults;
    private final Clock clock;
    private final StatsQueries statsQueries;

    public JdbcQueueStore(TransactionRunner transactions, SqlDialect dialect, StoreDefaults defaults, Clock clock) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.defaults = defaults;
        this.clock = clock;
        this.statsQueries = new StatsQueries();
    }

    @Override
    public SettingsChange putSettings(String queue, SettingsUpdate update) {
        return transactions.write(jdbc -> {
            Optional<QueueSettings> existing = loadSettings(jdbc, queue);
            QueueSettings base = existing.orElse(defaults.settingsFor(queue));
            QueueSettings merged = new QueueSettings(queue,
                    Objects.requireNonNullElse(update.visibilityTimeout(), base.visibilityTimeout()),
                    Objects.requireNonNullElse(update.maxDeliveries(), base.maxDeliveries()),
                    Objects.requireNonNullElse(update.retention(), base.retention()));
            if (existing.isEmpty()) {
                createIfMissing(jdbc, merged, clock.millis());
            }
            else {
                jdbc.update("UPDATE queues SET visibility_timeout_ms = ?, max_deliveries = ?, retention_ms = ? WHERE name = ?",
                        merged.visibilityTimeout().toMillis(), merged.maxDeliveries(), merged.retention().toMillis(), queue);
            }
            return new SettingsChange(merged, existing.isEmpty());
        });
    }

    @Override
    public Optional<QueueSettings> settings(String queue) {
        return transactions.read(jdbc -> loadSettings(jdbc, queue));
    }

    @Override
    public List<Published> publish(String queue, List<NewMessage> messages) {
        return transactions.write(jdbc -> {
            long now = clock.millis();
            createIfMissing(jdbc, defaults.settingsFor(queue), now);
            List<Published> published = new ArrayList<>(messages.size());
            int stored = 0;
            for (NewMessage message : messages) {
                Published duplicate = message.idempotencyKey() == null ? null
                        : claimIdempotencyKey(jdbc, queue, message.idempotencyKey(), now);
                if (duplicate != null) {
                    published.add(duplicate);
                    continue;
                }
                TraceContext trace = message.trace();
                Long id = jdbc.queryForObject(
                        "INSERT INTO messages (queue, payload, enqueued_at, visible_at, delivery_count, traceparent, "
                                + "tracestate) VALUES (?, ?, ?, ?, 0, ?, ?) RETURNING id",
                        Long.class, queue, message.payload(), now, now + message.delay().toMillis(),
                        trace == null ? null : trace.traceparent(), trace == null ? null : trace.tracestate());
                if (message.idempotencyKey() != null) {
                    jdbc.update("UPDATE idempotency_keys SET message_id = ? WHERE queue = ? AND idem_key = ?", id,
                            queue, message.idempotencyKey());
                }
                published.add(new Published(Objects.requireNonNull(id), queue, Instant.ofEpochMilli(now), false));
                stored++;
            }
            addCounters(jdbc, queue, stored, 0, 0);
            return published;
        });
    }

    /**
     * Records the key, or answers the message that first used it within the window. An expired key is taken over.
     * On PostgreSQL a concurrent publish with the same key waits on the key's row until the first one commits.
     */
    private @Nullable Published claimIdempotencyKey(JdbcTemplate jdbc, String queue, String key, long now) {
        int claimed = jdbc.update("""
                INSERT INTO idempotency_keys (queue, idem_key, message_id, created_at) VALUES (?, ?, NULL, ?)
                ON CONFLICT (queue, idem_key) DO UPDATE SET message_id = NULL, created_at = excluded.created_at
                WHERE idempotency_keys.created_at < ?""", queue, key, now, now - defaults.idempotencyWindow().toMillis());
        if (claimed > 0) {
            return null;
        }
        return jdbc.queryForObject("SELECT message_id, created_at FROM idempotency_keys WHERE queue = ? AND idem_key = ?",
                (rs, row) -> new Published(rs.getLong(1), queue, Instant.ofEpochMilli(rs.getLong(2)), true), queue, key);
    }

    @Override
    public List<Delivery> receive(String queue, int max, @Nullable Duration visibilityTimeout) {
        return transactions.write(jdbc -> {
            Optional<QueueSettings> settings = loadSettings(jdbc, queue);
            if (settings.isEmpty()) {
                return List.of();
            }
            long now = clock.millis();
            long visibleUntil = now + (visibilityTimeout != null ? visibilityTimeout : settings.get().visibilityTimeout()).toMillis();
            int maxDeliveries = settings.get().maxDeliveries();
            List<Delivery> deliveries = new ArrayList<>(max);
            List<Object[]> updates = new ArrayList<>(max);
            boolean deadLettered = true;
            while (deadLettered && deliveries.size() < max) {
                deadLettered = false;
                List<ReadyRow> rows = jdbc.query("SELECT id, payload, enqueued_at, delivery_count, traceparent, tracestate "
                        + "FROM messages WHERE queue = ? AND visible_at <= ? ORDER BY id LIMIT ?" + dialect.lockReadyRows(),
                        (rs, row) -> new ReadyRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                                traceOf(rs.getString(5), rs.getString(6))),
                        queue, now, max - deliveries.size());
                for (ReadyRow row : rows) {
                    if (maxDeliveries > 0 && row.deliveryCount() >= maxDeliveries) {
                        moveToDeadLetterQueue(jdbc, queue, row.id(), now);
                        deadLettered = true;
                        continue;
                    }
                    int count = row.deliveryCount() + 1;
                    ReceiptHandle receipt = ReceiptHandle.next(row.id(), count);
                    updates.add(new Object[] { receipt.value(), count, visibleUntil, row.id() });
                    deliveries.add(new Delivery(row.id(), queue, receipt.value(), row.payload(), count,
                            Instant.ofEpochMilli(row.enqueuedAt()), Instant.ofEpochMilli(visibleUntil), row.trace()));
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE messages SET receipt = ?, delivery_count = ?, visible_at = ? WHERE id = ?", updates);
                addCounters(jdbc, queue, 0, deliveries.size(), 0);
            }
            return deliveries;
        });
    }

    private void moveToDeadLetterQueue(JdbcTemplate jdbc, String queue, long id, long now) {
        String deadLetterQueue = QueueStore.deadLetterQueueOf(queue);
        // A dead-letter queue keeps its messages however often they are read: it never dead-letters further.
        QueueSettings base = defaults.settingsFor(deadLetterQueue);
        createIfMissing(jdbc, new QueueSettings(deadLetterQueue, base.visibilityTimeout(), 0, base.retention()), now);
        jdbc.update("UPDATE messages SET queue = ?, receipt = NULL, visible_at = ? WHERE id = ?", deadLetterQueue, now, id);
    }

    @Override
    public AckResult ack(String queue, ReceiptHandle receipt) {
        return ackAll(queue, List.of(receipt)).get(0);
    }

    @Override
    public List<AckResult> ackAll(String queue, List<ReceiptHandle> receipts) {
        return transactions.write(jdbc -> {
            List<AckResult> results = new ArrayList<>(receipts.size());
            int acked = 0;
            for (ReceiptHandle receipt : receipts) {
                int deleted = jdbc.update("DELETE FROM messages WHERE id = ? AND queue = ? AND receipt = ?",
                        receipt.messageId(), queue, receipt.value());
                if (deleted > 0) {
                    acked++;
                    results.add(AckResult.DONE);
                }
                else {
                    results.add(exists(jdbc, queue, receipt.messageId()) ? AckResult.STALE : AckResult.NOT_FOUND);
                }
            }
            addCounters(jdbc, queue, 0, 0, acked);
            return results;
        });
    }

    @Override
    public AckResult ackById(String queue, long id) {
        return transactions.write(jdbc -> {
            int deleted = jdbc.update(
                    "DELETE FROM messages WHERE id = ? AND queue = ? AND receipt IS NOT NULL AND visible_at > ?", id, queue,
                    clock.millis());
            if (deleted > 0) {
                addCounters(jdbc, queue, 0, 0, 1);
                return AckResult.DONE;
            }
            return exists(jdbc, queue, id) ? AckResult.NOT_IN_FLIGHT : AckResult.NOT_FOUND;
        });
    }

    @Override
    public AckResult nack(String queue, ReceiptHandle receipt, Duration delay) {
        return transactions.write(jdbc -> {
            int released = jdbc.update("UPDATE messages SET receipt = NULL, visible_at = ? WHERE id = ? AND queue = ? AND receipt = ?",
                    clock.millis() + delay.toMillis(), receipt.messageId(), queue, receipt.value());
            if (released > 0) {
                return AckResult.DONE;
            }
            return exists(jdbc, queue, receipt.messageId()) ? AckResult.STALE : AckResult.NOT_FOUND;
        });
    }

    @Override
    public int redrive(String queue) {
        return transactions.write(jdbc -> {
            long now = clock.millis();
            createIfMissing(jdbc, defaults.settingsFor(queue), now);
            return jdbc.update("UPDATE messages SET queue = ?, receipt = NULL, visible_at = ?, delivery_count = 0 WHERE queue = ?",
                    queue, now, QueueStore.deadLetterQueueOf(queue));
        });
    }

    @Override
    public int purge(String queue) {
        return transactions.write(jdbc -> jdbc.update("DELETE FROM messages WHERE queue = ?", queue));
    }

    @Override
    public boolean delete(String queue) {
        return transactions.write(jdbc -> {
            jdbc.update("DELETE FROM messages WHERE queue = ?", queue);
            jdbc.update("DELETE FROM idempotency_keys WHERE queue = ?", queue);
            jdbc.update("DELETE FROM queue_counters WHERE queue = ?", queue);
            return jdbc.update("DELETE FROM queues WHERE name = ?", queue) > 0;
        });
    }

    @Override
    public Optional<QueueStats> stats(String queue) {
        return transactions.read(jdbc -> loadSettings(jdbc, queue).isEmpty() ? Optional.empty()
                : Optional.of(statsQueries.one(jdbc, queue, clock.millis())));
    }

    @Override
    public List<QueueStats> allStats() {
        return transactions.read(jdbc -> statsQueries.all(jdbc, clock.millis()));
    }

    @Override
    public int removeExpired() {
        return transactions.write(jdbc -> {
            long now = clock.millis();
            int removed = 0;
            for (QueueSettings settings : jdbc.query("SELECT name, visibility_timeout_ms, max_deliveries, retention_ms FROM queues",
                    JdbcQueueStore::settingsRow)) {
                removed += jdbc.update("DELETE FROM messages WHERE queue = ? AND enqueued_at < ?", settings.name(),
                        now - settings.retention().toMillis());
            }
            return removed + jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?",
                    now - defaults.idempotencyWindow().toMillis());
        });
    }

    private static void createIfMissing(JdbcTemplate jdbc, QueueSettings settings, long now) {
        jdbc.update("""
                INSERT INTO queues (name, visibility_timeout_ms, max_deliveries, retention_ms, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO NOTHING""", settings.name(), settings.visibilityTimeout().toMillis(),
                settings.maxDeliveries(), settings.retention().toMillis(), now);
    }

    private static Optional<QueueSettings> loadSettings(JdbcTemplate jdbc, String queue) {
        return jdbc.query("SELECT name, visibility_timeout_ms, max_deliveries, retention_ms FROM queues WHERE name = ?",
                JdbcQueueStore::settingsRow, queue).stream().findFirst();
    }

    private static QueueSettings settingsRow(ResultSet rs, int row) throws SQLException {
        return new QueueSettings(rs.getString(1), Duration.ofMillis(rs.getLong(2)), rs.getInt(3), Duration.ofMillis(rs.getLong(4)));
    }

    private static boolean exists(JdbcTemplate jdbc, String queue, long id) {
        return !jdbc.queryForList("SELECT id FROM messages WHERE id = ? AND queue = ?", Long.class, id, queue).isEmpty();
    }

    private void addCounters(JdbcTemplate jdbc, String queue, long published, long delivered, long acked) {
        if (published == 0 && delivered == 0 && acked == 0) {
            return;
        }
        int shard = dialect.counterShards() == 1 ? 0 : ThreadLocalRandom.current().nextInt(dialect.counterShards());
        jdbc.update("""
                INSERT INTO queue_counters (queue, shard, published, delivered, acked) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (queue, shard) DO UPDATE SET published = queue_counters.published + excluded.published,
                    delivered = queue_counters.delivered + excluded.delivered, acked = queue_counters.acked + excluded.acked""",
                queue, shard, published, delivered, acked);
    }

    private static @Nullable TraceContext traceOf(@Nullable String traceparent, @Nullable String tracestate) {
        return traceparent == null ? null : new TraceContext(traceparent, tracestate);
    }

    private record ReadyRow(long id, String payload, long enqueuedAt, int deliveryCount, @Nullable TraceContext trace) {
    }
}
