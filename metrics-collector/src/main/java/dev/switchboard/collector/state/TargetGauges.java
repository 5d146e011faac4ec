package dev.switchboard.collector.state;

import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.PollListener;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.target.Target;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-target gauges on {@code /actuator/prometheus}, so that Prometheus and Grafana can use the collector's view:
 * {@code collector_target_up} (1 UP, 0 DOWN, absent before the first poll) and
 * {@code collector_target_response_time_seconds} of the latest poll. Rows follow the targets as they come and go.
 */
public class TargetGauges implements PollListener {

    private final LiveState liveState;
    private final MultiGauge up;
    private final MultiGauge responseTime;
    private volatile Set<String> registered = Set.of();

    public TargetGauges(LiveState liveState, MeterRegistry meters) {
        this.liveState = liveState;
        this.up = MultiGauge.builder("collector.target.up")
                .description("1 when the target's latest poll found it UP, 0 when DOWN").register(meters);
        this.responseTime = MultiGauge.builder("collector.target.response.time").baseUnit("seconds")
                .description("Response time of the target's latest poll").register(meters);
    }

    @Override
    public void targetsChanged(List<Target> targets) {
        Set<String> keys = targets.stream().map(Target::key).collect(Collectors.toSet());
        if (keys.equals(registered)) {
            return;
        }
        registered = keys;
        up.register(targets.stream().map(target -> MultiGauge.Row.of(tags(target), liveState,
                state -> value(state, target.key(), true))).toList(), true);
        responseTime.register(targets.stream().map(target -> MultiGauge.Row.of(tags(target), liveState,
                state -> value(state, target.key(), false))).toList(), true);
    }

    @Override
    public void polled(Target target, Sample sample) {
        // Values are read from the live state when Prometheus scrapes.
    }

    private static double value(LiveState liveState, String key, boolean upGauge) {
        InstanceState state = liveState.instance(key);
        if (state == null || state.lastSample() == null || state.status() == HealthStatus.UNKNOWN) {
            return Double.NaN;
        }
        if (upGauge) {
            return state.status() == HealthStatus.UP ? 1 : 0;
        }
        return state.lastSample().responseTimeMillis() / 1000.0;
    }

    private static Tags tags(Target target) {
        return Tags.of("service", target.service(), "instance", target.instance(), "origin", target.origin().name());
    }
}
