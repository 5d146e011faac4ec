package dev.switchboard.samples.etl;

import dev.switchboard.samples.etl.EtlJobRequest.Aggregate;
import dev.switchboard.samples.etl.EtlJobRequest.Filter;
import dev.switchboard.samples.etl.EtlJobRequest.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The work of an ETL job, as a pure function: filter the records, group them, aggregate each group. Groups come out
 * in order of first appearance. A record that lacks an aggregated field is skipped for that aggregate (as SQL
 * skips NULL); a value that is not a number fails the whole job, naming the record.
 */
public final class EtlEngine {

    /** Checks what Bean Validation cannot express; returns a problem description or null when the request is runnable. */
    public @Nullable String check(EtlJobRequest request) {
        for (Aggregate aggregate : request.aggregates()) {
            if (aggregate.op() != Operation.COUNT && aggregate.field() == null) {
                return "aggregate '" + aggregate.op().json() + "' needs a field";
            }
        }
        return null;
    }

    public EtlResult run(EtlJobRequest request) {
        Map<String, List<Map<String, @Nullable Object>>> groups = new LinkedHashMap<>();
        int matched = 0;
        for (Map<String, @Nullable Object> record : request.records()) {
            if (matches(request.filter(), record)) {
                matched++;
                String key = request.groupBy() == null ? "" : String.valueOf(record.get(request.groupBy()));
                groups.computeIfAbsent(key, ignored -> new ArrayList<>()).add(record);
            }
        }
        List<Map<String, @Nullable Object>> rows = new ArrayList<>(groups.size());
        for (var group : groups.entrySet()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            if (request.groupBy() != null) {
                row.put(request.groupBy(), group.getValue().get(0).get(request.groupBy()));
            }
            for (Aggregate aggregate : request.aggregates()) {
                row.put(aggregate.column(), aggregate(aggregate, group.getValue(), request.records()));
            }
            rows.add(row);
        }
        return new EtlResult(request.records().size(), matched, rows);
    }

    private static boolean matches(@Nullable Filter filter, Map<String, @Nullable Object> record) {
        return filter == null || Objects.equals(normalise(record.get(filter.field())), normalise(filter.equals()));
    }

    /** JSON numbers arrive as Integer, Long or Double; compare them by value so 2 equals 2.0. */
    private static @Nullable Object normalise(@Nullable Object value) {
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }

    private static @Nullable Object aggregate(Aggregate aggregate, List<Map<String, @Nullable Object>> group,
            List<Map<String, @Nullable Object>> all) {
        if (aggregate.op() == Operation.COUNT && aggregate.field() == null) {
            return group.size();
        }
        String field = Objects.requireNonNull(aggregate.field());
        List<Double> numbers = new ArrayList<>(group.size());
        for (Map<String, @Nullable Object> record : group) {
            Object value = record.get(field);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Number number)) {
                throw new EtlFailure("record " + indexOf(all, record) + ": field '" + field + "' is not a number: "
                        + abbreviate(String.valueOf(value)));
            }
            numbers.add(number.doubleValue());
        }
        return switch (aggregate.op()) {
            case COUNT -> numbers.size();
            case SUM -> numbers.stream().mapToDouble(Double::doubleValue).sum();
            case AVG -> numbers.isEmpty() ? null : numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case MIN -> numbers.isEmpty() ? null : numbers.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MAX -> numbers.isEmpty() ? null : numbers.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        };
    }

    private static int indexOf(List<Map<String, @Nullable Object>> all, Map<String, @Nullable Object> record) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == record) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The job's data cannot be processed as asked; the job fails with this message. */
    public static final class EtlFailure extends RuntimeException {

        EtlFailure(String message) {
            super(message);
        }
    }

    /** What a successful job produced: one row per group, with the grouping field and the aggregate columns. */
    public record EtlResult(int inputRecords, int matchedRecords, List<Map<String, @Nullable Object>> rows) {
    }
}
