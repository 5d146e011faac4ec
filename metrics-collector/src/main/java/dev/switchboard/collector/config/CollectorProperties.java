package dev.switchboard.collector.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the collector ({@code switchboard.collector.*}).
 *
 * @param interval how often every target's health endpoint is polled
 * @param timeout how long one poll may take before the target counts as DOWN
 * @param concurrency how many polls may run at the same time
 * @param healthPath path of the health endpoint on static targets and on discovered instances
 * @param discovery whether instances registered in discovery are polled
 * @param summaryRefresh how often the summary's figures from history (availability, percentiles) are recomputed
 * @param staticTargets targets that do not register in discovery: service name to comma-separated base URLs
 * @param actuator Actuator figures read from Spring services
 * @param history where and how long samples are kept
 * @param events status-change events published to the message queue
 */
@Validated
@ConfigurationProperties("switchboard.collector")
public record CollectorProperties(
        @DefaultValue("10s") @NotNull Duration interval,
        @DefaultValue("2s") @NotNull Duration timeout,
        @DefaultValue("16") @Min(1) int concurrency,
        @DefaultValue("/health") @NotBlank String healthPath,
        @DefaultValue @Valid Discovery discovery,
        @DefaultValue("15s") @NotNull Duration summaryRefresh,
        @DefaultValue Map<String, String> staticTargets,
        @DefaultValue @Valid Actuator actuator,
        @DefaultValue @Valid History history,
        @DefaultValue @Valid Events events) {

    /**
     * @param enabled poll every instance registered in discovery
     * @param includeSelf also poll this collector's own instances
     */
    public record Discovery(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean includeSelf) {
    }

    /**
     * @param enabled read request rate, error rate, p95, heap and CPU from {@code /actuator/prometheus}
     *                of discovered (Spring) instances
     * @param every read them on every n-th poll only, to keep polling cheap
     */
    public record Actuator(@DefaultValue("true") boolean enabled, @DefaultValue("3") @Min(1) int every) {
    }

    /**
     * @param dataDir directory of the history database
     * @param rawRetention how long raw samples are kept
     * @param aggregateRetention how long one-minute aggregates are kept
     * @param retentionInterval how often old history is trimmed
     * @param bufferCapacity samples held in memory waiting to be written; beyond it the oldest are dropped
     * @param exactRangeLimit history ranges up to this long (and within raw retention) are computed from raw
     *                        samples, longer ones from one-minute aggregates
     */
    public record History(@DefaultValue("./data") @NotNull Path dataDir,
                          @DefaultValue("24h") @NotNull Duration rawRetention,
                          @DefaultValue("30d") @NotNull Duration aggregateRetention,
                          @DefaultValue("5m") @NotNull Duration retentionInterval,
                          @DefaultValue("50000") @Min(100) int bufferCapacity,
                          @DefaultValue("6h") @NotNull Duration exactRangeLimit) {
    }

    /**
     * @param queueUrl base URL of the message queue; events are only logged when it is blank
     * @param queueName queue the events are published to
     * @param outboxCapacity events kept while the queue is unreachable; the oldest are dropped beyond it
     * @param retryInterval how often undelivered events are retried
     */
    public record Events(@Nullable String queueUrl,
                         @DefaultValue("service-events") @NotBlank String queueName,
                         @DefaultValue("1000") @Min(1) int outboxCapacity,
                         @DefaultValue("5s") @NotNull Duration retryInterval) {
    }
}
