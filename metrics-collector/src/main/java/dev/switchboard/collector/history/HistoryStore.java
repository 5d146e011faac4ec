package dev.switchboard.collector.history;

import dev.switchboard.collector.poll.ActuatorFigures;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.state.StatusChange;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the history: raw samples, one-minute aggregates per instance computed from them, and status changes;
 * and trims each to its retention. Times are stored as epoch milliseconds.
 */
public class HistoryStore {

    static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public HistoryStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        createSchema();
    }

    private void createSchema() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS sample (
                  service TEXT NOT NULL, instance TEXT NOT NULL, at INTEGER NOT NULL, status TEXT NOT NULL,
                  http_status INTEGER, response_ms INTEGER NOT NULL, error TEXT,
                  request_rate REAL, error_rate REAL, p95_ms REAL, heap_bytes INTEGER, cpu REAL)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS sample_service_at ON sample (service, at)");
        // Covering indexes: the summary reads only these columns over the last hour / day, without table lookups.
        jdbc.execute("CREATE INDEX IF NOT EXISTS sample_at_status ON sample (at, status, service, response_ms)");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS minute (
                  service TEXT NOT NULL, instance TEXT NOT NULL, minute INTEGER NOT NULL,
                  polls INTEGER NOT NULL, up INTEGER NOT NULL, down INTEGER NOT NULL,
                  rt_avg REAL, rt_p50 REAL, rt_p95 REAL, rt_p99 REAL, rt_max INTEGER,
                  PRIMARY KEY (service, instance, minute)) WITHOUT ROWID""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS minute_minute ON minute (minute, service, up, down)");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS status_change (
                  service TEXT NOT NULL, instance TEXT NOT NULL, at INTEGER NOT NULL,
                  from_status TEXT NOT NULL, to_status TEXT NOT NULL, http_status INTEGER, error TEXT)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS status_change_service_at ON status_change (service, at)");
    }

    /** Appends samples in one transaction. */
    public void append(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> jdbc.batchUpdate("""
                INSERT INTO sample (service, instance, at, status, http_status, response_ms, error,
                                    request_rate, error_rate, p95_ms, heap_bytes, cpu)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", samples, 500, HistoryStore::bind));
    }

    private static void bind(PreparedStatement statement, Sample sample) throws SQLException {
        statement.setString(1, sample.service());
        statement.setString(2, sample.instance());
        statement.setLong(3, sample.at().toEpochMilli());
        statement.setString(4, sample.status().name());
        setNullable(statement, 5, sample.httpStatus(), Types.INTEGER);
        statement.setLong(6, sample.responseTimeMillis());
        setNullable(statement, 7, sample.error(), Types.VARCHAR);
        ActuatorFigures figures = sample.figures();
        setNullable(statement, 8, figures == null ? null : figures.requestRate(), Types.REAL);
        setNullable(statement, 9, figures == null ? null : figures.errorRate(), Types.REAL);
        setNullable(statement, 10, figures == null ? null : figures.p95Millis(), Types.REAL);
        setNullable(statement, 11, figures == null ? null : figures.heapUsedBytes(), Types.INTEGER);
        setNullable(statement, 12, figures == null ? null : figures.cpuUsage(), Types.REAL);
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable Object value, int sqlType)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }

    public void recordChange(StatusChange change) {
        jdbc.update("""
                INSERT INTO status_change (service, instance, at, from_status, to_status, http_status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", change.service(), change.instance(), change.at().toEpochMilli(),
                change.from().name(), change.to().name(), change.httpStatus(), change.error());
    }

    /**
     * Rolls every complete minute not aggregated yet into the {@code minute} table. A minute counts as complete
     * {@code grace} after it ends, so that polls started in it have been written. Returns the minutes rolled up.
     */
    public int aggregate(Instant now, Duration grace) {
        long lastComplete = floorMinute(now.minus(grace).toEpochMilli()) - MINUTE_MILLIS;
        Long done = jdbc.queryForObject("SELECT max(minute) FROM minute", Long.class);
        long cursor = done == null ? Long.MIN_VALUE : done + MINUTE_MILLIS;
        int rolled = 0;
        while (true) {
            // Jump straight to the next minute that has samples: a collector that was stopped for a day
            // does not walk through 1,440 empty minutes.
            Long next = jdbc.queryForObject("SELECT min(at) FROM sample WHERE at >= ?", Long.class, cursor);
            if (next == null || floorMinute(next) > lastComplete) {
                return rolled;
            }
            long minute = floorMinute(next);
            aggregateMinute(minute);
            rolled++;
            cursor = minute + MINUTE_MILLIS;
        }
    }

    private void aggregateMinute(long minute) {
        Map<String, List<long[]>> byInstance = new LinkedHashMap<>();
        jdbc.query("SELECT service, instance, status, response_ms FROM sample WHERE at >= ? AND at < ?",
                row -> {
                    String key = row.getString(1) + "\n" + row.getString(2);
                    long up = HealthStatus.UP.name().equals(row.getString(3)) ? 1 : 0;
                    long down = HealthStatus.DOWN.name().equals(row.getString(3)) ? 1 : 0;
                    byInstance.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {up, down, row.getLong(4)});
                }, minute, minute + MINUTE_MILLIS);
        List<Object[]> rows = new ArrayList<>();
        byInstance.forEach((key, polls) -> {
            String[] names = key.split("\n", 2);
            long up = polls.stream().mapToLong(p -> p[0]).sum();
            long down = polls.stream().mapToLong(p -> p[1]).sum();
            // Response times of answered polls only: a timeout says "down", not "slow".
            long[] times = polls.stream().filter(p -> p[0] == 1).mapToLong(p -> p[2]).sorted().toArray();
            Percentiles pct = Percentiles.of(times);
            rows.add(new Object[] {names[0], names[1], minute, polls.size(), up, down, pct.average(), pct.p50(),
                    pct.p95(), pct.p99(), pct.max()});
        });
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT OR REPLACE INTO minute (service, instance, minute, polls, up, down, rt_avg, "
                        + "rt_p50, rt_p95, rt_p99, rt_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
    }

    /**
     * Deletes raw samples older than {@code rawRetention} (only once aggregated) and aggregates and status
     * changes older than {@code aggregateRetention}. Returns the rows deleted.
     */
    public int trim(Instant now, Duration rawRetention, Duration aggregateRetention) {
        long rawCutoff = now.minus(rawRetention).toEpochMilli();
        Long aggregatedUntil = jdbc.queryForObject("SELECT max(minute) FROM minute", Long.class);
        long safeCutoff = aggregatedUntil == null ? Long.MIN_VALUE
                : Math.min(rawCutoff, aggregatedUntil + MINUTE_MILLIS);
        long aggregateCutoff = now.minus(aggregateRetention).toEpochMilli();
        int deleted = jdbc.update("DELETE FROM sample WHERE at < ?", safeCutoff);
        deleted += jdbc.update("DELETE FROM minute WHERE minute < ?", aggregateCutoff);
        deleted += jdbc.update("DELETE FROM status_change WHERE at < ?", aggregateCutoff);
        return deleted;
    }

    static long floorMinute(long epochMillis) {
        return Math.floorDiv(epochMillis, MINUTE_MILLIS) * MINUTE_MILLIS;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }
}
