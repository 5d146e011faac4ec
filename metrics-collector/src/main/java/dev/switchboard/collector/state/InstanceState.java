package dev.switchboard.collector.state;

import dev.switchboard.collector.poll.ActuatorFigures;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.target.Target;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the collector knows now about one instance.
 *
 * @param target the instance
 * @param status its latest status (UNKNOWN before the first poll)
 * @param since when it entered that status
 * @param lastSample the latest poll, {@code null} before the first one
 * @param figures the latest Actuator figures read, kept between the polls that do not read them
 */
public record InstanceState(Target target, HealthStatus status, @Nullable Instant since, @Nullable Sample lastSample,
                            @Nullable ActuatorFigures figures) {
}
