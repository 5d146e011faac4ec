package dev.switchboard.samples.fault;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN while the "unhealthy" switch is on; part of the overall health and of the readiness group. */
class FaultsHealthIndicator implements HealthIndicator {

    private final FaultInjector injector;

    FaultsHealthIndicator(FaultInjector injector) {
        this.injector = injector;
    }

    @Override
    public Health health() {
        FaultSettings settings = injector.current();
        Health.Builder builder = settings.unhealthy() ? Health.down().withDetail("reason", "unhealthy switch is on")
                : Health.up();
        return builder.withDetail("latencyMs", settings.latencyMs()).withDetail("errorRate", settings.errorRate()).build();
    }
}
