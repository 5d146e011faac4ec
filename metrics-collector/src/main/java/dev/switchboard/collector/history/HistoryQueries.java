package dev.switchboard.collector.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the history. Ranges before the aggregation watermark come from one-minute aggregates, ranges after it
 * from raw samples; short recent ranges come from raw samples only, so their percentiles are exact.
 */
public class HistoryQueries {

    private static final long MINUTE = HistoryStore.MINUTE_MILLIS;

    private final JdbcTemplate jdbc;
    private final Duration rawRetention;
    private final Duration exactRangeLimit;

    public HistoryQueries(DataSource dataSource, Duration rawRetention, Duration exactRangeLimit) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.rawRetention = rawRetention;
        this.exactRangeLimit = exactRangeLimit;
    }

    public boolean knows(String service) {
        Integer found = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM sample WHERE service = ?)
                    OR EXISTS (SELECT 1 FROM minute WHERE service = ?)""", Integer.class, service, service);
        return found != null && found == 1;
    }

    /** Start of the raw-only part of history: the end of the last aggregated minute. */
    private long rawFrom() {
        Long done = jdbc.queryForObject("SELECT max(minute) FROM minute", Long.class);
        return done == null ? Long.MIN_VALUE : done + MINUTE;
    }

    /** The service's history in {@code [from, to)}, one point per step that has polls. */
    public List<SeriesPoint> series(String service, Instant from, Instant to, Duration step, Instant now) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        long stepMillis = step.toMillis();
        boolean exact = !from.isBefore(now.minus(rawRetention))
                && Duration.between(from, to).compareTo(exactRangeLimit) <= 0;
        long rawFrom = exact ? start : Math.max(start, rawFrom());
        TreeMap<Long, Bucket> buckets = new TreeMap<>();
        if (rawFrom > start) {
            jdbc.query("""
                    SELECT minute, polls, up, rt_avg, rt_p95, rt_max FROM minute
                    WHERE service = ? AND minute >= ? AND minute < ?""", row -> {
                Bucket bucket = buckets.computeIfAbsent(bucketOf(row.getLong(1), start, stepMillis), k -> new Bucket());
                bucket.addAggregate(row.getLong(2), row.getLong(3), nullableDouble(row.getObject(4)),
                        nullableDouble(row.getObject(5)), nullableLong(row.getObject(6)));
            }, service, start, Math.min(end, rawFrom));
        }
        if (rawFrom < end) {
            jdbc.query("SELECT at, status, response_ms FROM sample WHERE service = ? AND at >= ? AND at < ?", row -> {
                Bucket bucket = buckets.computeIfAbsent(bucketOf(row.getLong(1), start, stepMillis), k -> new Bucket());
                bucket.addRaw(row.getString(2), row.getLong(3));
            }, service, Math.max(start, rawFrom), end);
        }
        List<SeriesPoint> points = new ArrayList<>(buckets.size());
        buckets.forEach((bucketStart, bucket) -> {
            SeriesPoint point = bucket.toPoint(Instant.ofEpochMilli(bucketStart));
            if (point != null) {
                points.add(point);
            }
        });
        return points;
    }

    /** Polls and UP polls per service since {@code since}. */
    public Map<String, Availability> availability(Instant since) {
        Map<String, Availability> result = new HashMap<>();
        long sinceMillis = since.toEpochMilli();
        long rawFrom = Math.max(sinceMillis, rawFrom());
        if (rawFrom > sinceMillis) {
            jdbc.query("""
                    SELECT service, sum(up + down), sum(up) FROM minute WHERE minute >= ? AND minute < ?
                    GROUP BY service""", row -> {
                result.merge(row.getString(1), new Availability(row.getLong(2), row.getLong(3)),
                        (a, b) -> a.plus(b.polls(), b.up()));
            }, HistoryStore.floorMinute(sinceMillis), rawFrom);
        }
        jdbc.query("""
                SELECT service, sum(status <> 'UNKNOWN'), sum(status = 'UP') FROM sample WHERE at >= ?
                GROUP BY service""", row -> {
            result.merge(row.getString(1), new Availability(row.getLong(2), row.getLong(3)),
                    (a, b) -> a.plus(b.polls(), b.up()));
        }, rawFrom);
        return result;
    }

    /**
     * Response-time percentiles of answered (UP) polls per service since {@code since}, from raw samples. SQLite
     * counts each distinct response time, so only a histogram (a few thousand rows at most) leaves the database.
     */
    public Map<String, Percentiles> responseTimes(Instant since) {
        Map<String, TreeMap<Long, Long>> histograms = new HashMap<>();
        jdbc.query("""
                SELECT service, response_ms, count(*) FROM sample WHERE at >= ? AND status = 'UP'
                GROUP BY service, response_ms""", row -> {
            histograms.computeIfAbsent(row.getString(1), k -> new TreeMap<>()).put(row.getLong(2), row.getLong(3));
        }, since.toEpochMilli());
        Map<String, Percentiles> result = new HashMap<>();
        histograms.forEach((service, histogram) -> result.put(service, Percentiles.ofHistogram(histogram)));
        return result;
    }

    /** The latest status change of each service that has one. */
    public Map<String, LastChange> lastChanges() {
        Map<String, LastChange> result = new HashMap<>();
        jdbc.query("""
                SELECT service, instance, at, from_status, to_status FROM status_change c
                WHERE at = (SELECT max(at) FROM status_change WHERE service = c.service)""", row -> {
            result.put(row.getString(1), new LastChange(row.getString(2), Instant.ofEpochMilli(row.getLong(3)),
                    row.getString(4), row.getString(5)));
        });
        return result;
    }

    private static long bucketOf(long at, long start, long step) {
        return start + Math.floorDiv(at - start, step) * step;
    }

    private static @Nullable Double nullableDouble(@Nullable Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static @Nullable Long nullableLong(@Nullable Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** Accumulates one step from raw samples and/or minute aggregates. */
    private static final class Bucket {
        private long polls;
        private long up;
        private double timeSum;
        private long timed;
        private final List<Long> rawTimes = new ArrayList<>();
        private @Nullable Double worstAggregateP95;
        private @Nullable Long max;

        void addRaw(String status, long millis) {
            if ("UNKNOWN".equals(status)) {
                return;
            }
            polls++;
            if ("UP".equals(status)) {
                up++;
                timeSum += millis;
                timed++;
                rawTimes.add(millis);
                max = max == null ? millis : Math.max(max, millis);
            }
        }

        void addAggregate(long polls, long up, @Nullable Double avg, @Nullable Double p95, @Nullable Long maxMillis) {
            this.polls += polls;
            this.up += up;
            if (avg != null) {
                timeSum += avg * up;
                timed += up;
            }
            if (p95 != null) {
                worstAggregateP95 = worstAggregateP95 == null ? p95 : Math.max(worstAggregateP95, p95);
            }
            if (maxMillis != null) {
                max = max == null ? maxMillis : Math.max(max, maxMillis);
            }
        }

        @Nullable SeriesPoint toPoint(Instant at) {
            if (polls == 0) {
                return null;
            }
            Double p95 = worstAggregateP95;
            if (!rawTimes.isEmpty()) {
                double raw = Percentiles.rank(rawTimes.stream().mapToLong(Long::longValue).sorted().toArray(), 0.95);
                p95 = p95 == null ? raw : Math.max(p95, raw);
            }
            return new SeriesPoint(at, polls, up, (double) up / polls, timed == 0 ? null : timeSum / timed, p95, max);
        }
    }
}
