package dev.switchboard.collector.poll;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one poll of one target.
 *
 * @param service service of the target
 * @param instance instance of the target
 * @param at when the poll started
 * @param status what the poll says
 * @param httpStatus the HTTP status answered, {@code null} when there was no answer
 * @param responseTimeMillis how long the answer took (up to the timeout when there was none)
 * @param error why the target is not UP, {@code null} when it is
 * @param figures Actuator figures read with this poll, if any
 */
public record Sample(String service, String instance, Instant at, HealthStatus status, @Nullable Integer httpStatus,
                     long responseTimeMillis, @Nullable String error, @Nullable ActuatorFigures figures) {

    public Sample withFigures(@Nullable ActuatorFigures actuatorFigures) {
        return new Sample(service, instance, at, status, httpStatus, responseTimeMillis, error, actuatorFigures);
    }
}
