package dev.switchboard.samples.etl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/etl/jobs}: records to transform, an optional filter, an optional grouping field and
 * the aggregates to compute per group. It is also the queue message payload, so a worker needs nothing else.
 *
 * @param name a label for people reading the job list
 * @param records the input rows: JSON objects of strings, numbers, booleans or nulls
 * @param filter keep only records whose field equals a value
 * @param groupBy field whose value groups the records; absent means one group of everything
 * @param aggregates what to compute per group
 */
public record EtlJobRequest(
        @Nullable @Size(max = 100) String name,
        @NotNull @NotEmpty List<@NotNull Map<String, @Nullable Object>> records,
        @Nullable @Valid Filter filter,
        @Nullable @Size(min = 1, max = 100) String groupBy,
        @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid Aggregate> aggregates) {

    /** Keeps records whose {@code field} equals {@code equals} (compared as JSON values: 1 and "1" differ). */
    public record Filter(@NotBlank @Size(max = 100) String field, @Nullable Object equals) {
    }

    /** One output column: {@code op} over {@code field} ({@code count} needs no field). */
    public record Aggregate(@NotNull Operation op, @Nullable @Size(min = 1, max = 100) String field) {

        /** The output column name: {@code count}, or e.g. {@code sum_amount}. */
        public String column() {
            return field == null ? op.json() : op.json() + "_" + field;
        }
    }

    /** Aggregate functions; written in lower case in JSON. */
    public enum Operation {
        COUNT, SUM, AVG, MIN, MAX;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Operation of(String text) {
            return Arrays.stream(values()).filter(op -> op.json().equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("op must be one of count, sum, avg, min, max; was '"
                            + text + "'"));
        }
    }
}
