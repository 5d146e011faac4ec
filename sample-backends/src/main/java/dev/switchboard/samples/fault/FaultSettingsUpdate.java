package dev.switchboard.samples.fault;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /admin/faults}: every field optional, a missing one meaning "off" (or 503 for the status). */
record FaultSettingsUpdate(
        @Nullable @Min(0) @Max(60_000) Long latencyMs,
        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double errorRate,
        @Nullable @Min(500) @Max(599) Integer errorStatus,
        @Nullable Boolean unhealthy) {

    FaultSettings toSettings() {
        return new FaultSettings(latencyMs == null ? 0 : latencyMs, errorRate == null ? 0 : errorRate,
                errorStatus == null ? FaultSettings.DEFAULT_ERROR_STATUS : errorStatus, Boolean.TRUE.equals(unhealthy));
    }
}
