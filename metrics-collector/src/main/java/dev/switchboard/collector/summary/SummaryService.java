package dev.switchboard.collector.summary;

import dev.switchboard.collector.history.Availability;
import dev.switchboard.collector.history.HistoryQueries;
import dev.switchboard.collector.history.LastChange;
import dev.switchboard.collector.history.Percentiles;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.state.InstanceState;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.ServiceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the per-service summary from the live state and the history. The answer is reused for a short while:
 * history only changes once per poll interval, and a dashboard in every open browser tab asks for it.
 */
public class SummaryService {

    /**
     * The summary and when it was made.
     *
     * @param at when it was computed
     * @param services one entry per service watched now
     */
    public record Summary(Instant at, List<ServiceSummary> services) {
    }

    private final LiveState liveState;
    private final HistoryQueries history;
    private final Clock clock;
    private final Duration reuseFor;
    private volatile @Nullable Summary cached;

    public SummaryService(LiveState liveState, HistoryQueries history, Clock clock, Duration reuseFor) {
        this.liveState = liveState;
        this.history = history;
        this.clock = clock;
        this.reuseFor = reuseFor;
    }

    public Summary summary() {
        Instant now = clock.instant();
        Summary last = cached;
        if (last != null && now.isBefore(last.at().plus(reuseFor)) && !now.isBefore(last.at())) {
            return last;
        }
        Summary fresh = compute(now);
        cached = fresh;
        return fresh;
    }

    Summary compute(Instant now) {
        Map<String, List<InstanceState>> byService = new LinkedHashMap<>();
        for (InstanceState state : liveState.instances()) {
            byService.computeIfAbsent(state.target().service(), key -> new ArrayList<>()).add(state);
        }
        Map<String, Availability> hour = history.availability(now.minus(Duration.ofHours(1)));
        Map<String, Availability> day = history.availability(now.minus(Duration.ofHours(24)));
        Map<String, Percentiles> times = history.responseTimes(now.minus(Duration.ofHours(1)));
        Map<String, LastChange> changes = history.lastChanges();
        List<ServiceSummary> services = new ArrayList<>();
        byService.forEach((service, instances) -> {
            int up = (int) instances.stream().filter(s -> s.status() == HealthStatus.UP).count();
            Percentiles pct = times.get(service);
            services.add(new ServiceSummary(service, ServiceStatus.of(instances.stream().map(InstanceState::status).toList()),
                    up, instances.size(), percent(hour.get(service)), percent(day.get(service)),
                    pct == null ? new ServiceSummary.ResponseTime(0, null, null, null)
                            : new ServiceSummary.ResponseTime(pct.count(), pct.p50(), pct.p95(), pct.p99()),
                    changes.get(service)));
        });
        return new Summary(now, services);
    }

    private static @Nullable Double percent(@Nullable Availability availability) {
        return availability == null ? null : availability.percent();
    }
}
