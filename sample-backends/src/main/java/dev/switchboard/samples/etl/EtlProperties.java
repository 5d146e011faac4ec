package dev.switchboard.samples.etl;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 */
@Validated
@ConfigurationProperties("switchboard.sample.etl")
public record EtlProperties(
        @DefaultValue("2") @Min(1) @Max(64) int workers,
        @DefaultValue("100") @Min(1) int backlog,
        @DefaultValue("10000") @Min(1) int maxRecords,
        @DefaultValue("1000") @Min(1) int retainedJobs) {
}
