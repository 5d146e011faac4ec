package dev.switchboard.collector.summary;

import dev.switchboard.collector.history.Availability;
import dev.switchboard.collector.history.HistoryQueries;
import dev.switchboard.collector.history.LastChange;
import dev.switchboard.collector.history.Percentiles;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.state.InstanceState;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.ServiceStatus;
import dev.switchboard.collector.support.BackgroundTasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the per-service summary. Live figures (status, instances up) are read per request; figures from
 * history (availability, percentiles, last change) are recomputed in the background every {@code refresh}, so
 * that the cost of the summary does not grow with the number of open dashboards.
 */
public class SummaryService extends BackgroundTasks {

    private static final Logger log = LoggerFactory.getLogger(SummaryService.class);
    private static final Duration DAY_REFRESH = Duration.ofMinutes(1);

    /**
     * The summary.
     *
     * @param at when it was answered
     * @param historyAt when the figures from history were computed
     * @param services one entry per service watched now
     */
    public record Summary(Instant at, Instant historyAt, List<ServiceSummary> services) {
    }

    /** The history part of the summary, computed at {@code at}. */
    record HistoryFigures(Instant at, Map<String, Availability> hour, Map<String, Availability> day, Instant dayAt,
                          Map<String, Percentiles> times, Map<String, LastChange> changes) {
    }

    private final LiveState liveState;
    private final HistoryQueries history;
    private final Clock clock;
    private final Duration refresh;
    private final Timer refreshTimer;
    private volatile @Nullable HistoryFigures figures;

    public SummaryService(LiveState liveState, HistoryQueries history, Clock clock, Duration refresh,
                          MeterRegistry meters) {
        super("summary-refresh");
        this.refreshTimer = Timer.builder("collector.summary.refresh")
                .description("Time to recompute the summary's figures from history").register(meters);
        this.liveState = liveState;
        this.history = history;
        this.clock = clock;
        this.refresh = refresh;
    }

    public Summary summary() {
        HistoryFigures current = figures;
        if (current == null) {
            current = refreshFigures();
        }
        Map<String, List<InstanceState>> byService = new LinkedHashMap<>();
        for (InstanceState state : liveState.instances()) {
            byService.computeIfAbsent(state.target().service(), key -> new ArrayList<>()).add(state);
        }
        List<ServiceSummary> services = new ArrayList<>();
        HistoryFigures f = current;
        byService.forEach((service, instances) -> {
            int up = (int) instances.stream().filter(s -> s.status() == HealthStatus.UP).count();
            Percentiles pct = f.times().get(service);
            services.add(new ServiceSummary(service,
                    ServiceStatus.of(instances.stream().map(InstanceState::status).toList()), up, instances.size(),
                    percent(f.hour().get(service)), percent(f.day().get(service)),
                    pct == null ? new ServiceSummary.ResponseTime(0, null, null, null)
                            : new ServiceSummary.ResponseTime(pct.count(), pct.p50(), pct.p95(), pct.p99()),
                    f.changes().get(service)));
        });
        return new Summary(clock.instant(), f.at(), services);
    }

    /** Recomputes the figures from history now. */
    public HistoryFigures refreshFigures() {
        return refreshTimer.record(this::computeFigures);
    }

    private HistoryFigures computeFigures() {
        Instant now = clock.instant();
        HistoryFigures previous = figures;
        // The 24-hour availability reads a day of aggregates (720,000 rows at 500 targets) and moves slowly:
        // it is recomputed at most once a minute.
        boolean dayIsFresh = previous != null && !now.isBefore(previous.dayAt())
                && now.isBefore(previous.dayAt().plus(DAY_REFRESH));
        Map<String, Availability> day = dayIsFresh ? previous.day()
                : history.availability(now.minus(Duration.ofHours(24)));
        HistoryFigures fresh = new HistoryFigures(now, history.availability(now.minus(Duration.ofHours(1))), day,
                dayIsFresh ? previous.dayAt() : now, history.responseTimes(now.minus(Duration.ofHours(1))),
                history.lastChanges());
        figures = fresh;
        return fresh;
    }

    private void safeRefresh() {
        try {
            refreshFigures();
        } catch (RuntimeException e) {
            log.error("Refreshing the summary figures failed; serving the previous ones", e);
        }
    }

    private static @Nullable Double percent(@Nullable Availability availability) {
        return availability == null ? null : availability.percent();
    }

    @Override
    protected void schedule(ScheduledExecutorService scheduler) {
        every(scheduler, refresh, refresh, this::safeRefresh);
    }
}
