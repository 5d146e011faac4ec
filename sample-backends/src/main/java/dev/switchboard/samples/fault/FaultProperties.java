package dev.switchboard.samples.fault;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Faults injected from start-up (env {@code FAULT_LATENCY}, {@code FAULT_ERROR_RATE}, {@code FAULT_ERROR_STATUS},
 * {@code FAULT_UNHEALTHY}); {@code PUT /admin/faults} changes them at runtime.
 *
 * @param latency delay added to each {@code /api/**} request
 * @param errorRate share of {@code /api/**} requests failed on purpose, 0 to 1
 * @param errorStatus status of those failures
 * @param unhealthy start reporting DOWN
 * @param adminEnabled serve {@code /admin/faults}; turn off where callers must not be able to break the instance
 */
@Validated
@ConfigurationProperties("switchboard.sample.faults")
public record FaultProperties(
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double errorRate,
        @DefaultValue("503") @Min(500) @Max(599) int errorStatus,
        @DefaultValue("false") boolean unhealthy,
        @DefaultValue("true") boolean adminEnabled) {

    FaultSettings initial() {
        return new FaultSettings(latency.toMillis(), errorRate, errorStatus, unhealthy);
    }
}
