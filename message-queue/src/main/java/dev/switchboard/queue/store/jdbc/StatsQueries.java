package dev.switchboard.queue.store.jdbc;

import dev.switchboard.queue.store.QueueStats;
import dev.switchboard.queue.store.QueueStore;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts messages by state and reads the totals, for one queue or all of them. */
final class StatsQueries {

    private static final String COUNTS = """
            SELECT queue,
                   SUM(CASE WHEN visible_at <= ? THEN 1 ELSE 0 END),
                   SUM(CASE WHEN visible_at > ? AND receipt IS NOT NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN visible_at > ? AND receipt IS NULL THEN 1 ELSE 0 END),
                   MIN(CASE WHEN visible_at <= ? THEN enqueued_at END)
            FROM messages""";
    private static final String TOTALS = "SELECT queue, SUM(published), SUM(delivered), SUM(acked) FROM queue_counters";

    QueueStats one(JdbcTemplate jdbc, String queue, long now) {
        Map<String, Counts> counts = counts(jdbc, " WHERE queue IN (?, ?) GROUP BY queue", now, queue,
                QueueStore.deadLetterQueueOf(queue));
        Map<String, Totals> totals = totals(jdbc, " WHERE queue = ? GROUP BY queue", queue);
        return stats(queue, counts, totals, now);
    }

    List<QueueStats> all(JdbcTemplate jdbc, long now) {
        List<String> queues = jdbc.queryForList("SELECT name FROM queues ORDER BY name", String.class);
        Map<String, Counts> counts = counts(jdbc, " GROUP BY queue", now);
        Map<String, Totals> totals = totals(jdbc, " GROUP BY queue");
        return queues.stream().map(queue -> stats(queue, counts, totals, now)).toList();
    }

    private static QueueStats stats(String queue, Map<String, Counts> counts, Map<String, Totals> totals, long now) {
        Counts own = counts.getOrDefault(queue, Counts.NONE);
        Counts deadLetters = counts.getOrDefault(QueueStore.deadLetterQueueOf(queue), Counts.NONE);
        Totals sums = totals.getOrDefault(queue, Totals.NONE);
        return new QueueStats(queue, own.ready(), own.inFlight(), own.delayed(), deadLetters.total(), sums.published(),
                sums.delivered(), sums.acked(), own.oldestReady() < 0 ? null : Duration.ofMillis(Math.max(0, now - own.oldestReady())));
    }

    private static Map<String, Counts> counts(JdbcTemplate jdbc, String where, long now, Object... queues) {
        Object[] args = new Object[4 + queues.length];
        args[0] = now;
        args[1] = now;
        args[2] = now;
        args[3] = now;
        System.arraycopy(queues, 0, args, 4, queues.length);
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query(COUNTS + where, (ResultSet rs) -> {
            long oldest = rs.getLong(5);
            long oldestReady = rs.wasNull() ? -1 : oldest;
            counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), oldestReady));
        }, args);
        return counts;
    }

    private static Map<String, Totals> totals(JdbcTemplate jdbc, String where, Object... args) {
        Map<String, Totals> totals = new HashMap<>();
        jdbc.query(TOTALS + where, (ResultSet rs) -> {
            totals.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, args);
        return totals;
    }

    private record Counts(long ready, long inFlight, long delayed, long oldestReady) {
        static final Counts NONE = new Counts(0, 0, 0, -1);

        long total() {
            return ready + inFlight + delayed;
        }
    }

    private record Totals(long published, long delivered, long acked) {
        static final Totals NONE = new Totals(0, 0, 0);
    }
}
