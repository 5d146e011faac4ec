package dev.switchboard.samples.etl;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the etl-api stand-in.
 *
 * @param workers threads running jobs in process (without a queue)
 * @param backlog jobs that may wait for an in-process worker before new ones are refused with 503
 * @param maxRecords most records one job may carry
 * @param retainedJobs jobs kept for {@code GET /api/v1/etl/jobs}; the oldest finished ones are forgotten first
 * @param queueUrl the message queue's base URL (env {@code QUEUE_URL}); when set, jobs travel through the queue
 * @param queueName the queue jobs are published to and consumed from
 * @param pollWait how long one consume request waits for a message (long poll, at most 20 s)
 * @param consumers threads consuming from the queue
 */
@Validated
@ConfigurationProperties("switchboard.sample.etl")
public record EtlProperties(
        @DefaultValue("2") @Min(1) @Max(64) int workers,
        @DefaultValue("100") @Min(1) int backlog,
        @DefaultValue("10000") @Min(1) int maxRecords,
        @DefaultValue("1000") @Min(1) int retainedJobs,
        @DefaultValue("") @Pattern(regexp = "\\s*|https?://\\S+", message = "must be empty or an http(s) URL") String queueUrl,
        @DefaultValue("etl") @Pattern(regexp = "[A-Za-z0-9._-]{1,80}") String queueName,
        @NotNull @DefaultValue("20s") Duration pollWait,
        @DefaultValue("1") @Min(1) @Max(16) int consumers) {
}
