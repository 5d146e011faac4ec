package dev.switchboard.collector.api;

import dev.switchboard.collector.poll.ActuatorFigures;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.state.InstanceState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current state of one instance as the API shows it.
 *
 * @param instance instance id
 * @param url polled health endpoint
 * @param origin DISCOVERY or STATIC
 * @param status latest status
 * @param since when it entered that status
 * @param lastPolled when it was last polled
 * @param httpStatus HTTP status of the latest poll
 * @param responseTimeMillis response time of the latest poll
 * @param error why it is not UP
 * @param figures latest Actuator figures of a Spring service
 */
public record InstanceView(String instance, String url, String origin, HealthStatus status, @Nullable Instant since,
                           @Nullable Instant lastPolled, @Nullable Integer httpStatus,
                           @Nullable Long responseTimeMillis, @Nullable String error,
                           @Nullable ActuatorFigures figures) {

    static InstanceView of(InstanceState state) {
        Sample last = state.lastSample();
        return new InstanceView(state.target().instance(), state.target().healthUrl().toString(),
                state.target().origin().name(), state.status(), state.since(),
                last == null ? null : last.at(), last == null ? null : last.httpStatus(),
                last == null ? null : last.responseTimeMillis(), last == null ? null : last.error(), state.figures());
    }
}
