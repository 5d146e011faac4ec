package dev.switchboard.collector.state;

import dev.switchboard.collector.poll.HealthStatus;
import java.util.Collection;

/** The verdict on a service from the statuses of its instances. */
public enum ServiceStatus {
    /** Every instance is UP. */
    UP,
    /** Some instances are UP, some are not. */
    DEGRADED,
    /** No instance is UP and at least one is DOWN. */
    DOWN,
    /** No instance has been polled yet. */
    UNKNOWN;

    public static ServiceStatus of(Collection<HealthStatus> instanceStatuses) {
        long up = instanceStatuses.stream().filter(status -> status == HealthStatus.UP).count();
        long down = instanceStatuses.stream().filter(status -> status == HealthStatus.DOWN).count();
        if (up > 0) {
            return up == instanceStatuses.size() ? UP : DEGRADED;
        }
        return down > 0 ? DOWN : UNKNOWN;
    }
}
