package dev.switchboard.gateway.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What one part of an aggregate returned.
 *
 * @param status the part's HTTP status; {@code null} when no response came (unreachable, timed out)
 * @param body the part's body (JSON as JSON, anything else as a string) when it answered
 * @param error why the part is missing or failed
 * @param latencyMs how long the part took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartResult(@Nullable Integer status, @Nullable Object body, @Nullable String error, long latencyMs) {

    boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}
