package dev.switchboard.collector.api;

import dev.switchboard.collector.config.CollectorProperties;
import dev.switchboard.collector.history.HistoryQueries;
import dev.switchboard.collector.history.SeriesPoint;
import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.state.InstanceState;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.ServiceStatus;
import dev.switchboard.collector.summary.SummaryService;
import dev.switchboard.support.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The collector's read API: current state, one service's history, and the summary. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
class MetricsController {

    /**
     * Body of {@code GET /api/v1/metrics}.
     *
     * @param at when the answer was made
     * @param services every service watched now
     */
    record CurrentMetrics(Instant at, List<ServiceView> services) {
    }

    /**
     * Body of {@code GET /api/v1/metrics/{service}}.
     *
     * @param service the service
     * @param status verdict from its instances now
     * @param instancesUp instances UP now
     * @param instancesTotal instances watched now
     * @param instances each instance now
     * @param from start of the history range
     * @param to end of the history range
     * @param step width of one point
     * @param history one point per step that has polls
     */
    record ServiceMetrics(String service, ServiceStatus status, int instancesUp, int instancesTotal,
                          List<InstanceView> instances, Instant from, Instant to, Duration step,
                          List<SeriesPoint> history) {
    }

    private final LiveState liveState;
    private final HistoryQueries history;
    private final SummaryService summaryService;
    private final CollectorProperties properties;
    private final Clock clock;

    MetricsController(LiveState liveState, HistoryQueries history, SummaryService summaryService,
                      CollectorProperties properties, Clock clock) {
        this.liveState = liveState;
        this.history = history;
        this.summaryService = summaryService;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    CurrentMetrics current() {
        Map<String, List<InstanceState>> byService = new LinkedHashMap<>();
        for (InstanceState state : liveState.instances()) {
            byService.computeIfAbsent(state.target().service(), key -> new ArrayList<>()).add(state);
        }
        return new CurrentMetrics(clock.instant(),
                byService.entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList());
    }

    @GetMapping("/summary")
    SummaryService.Summary summary() {
        return summaryService.summary();
    }

    @GetMapping("/{service}")
    ServiceMetrics service(@PathVariable String service, @RequestParam(required = false) @Nullable String from,
                           @RequestParam(required = false) @Nullable String to,
                           @RequestParam(required = false) @Nullable String step) {
        Instant now = clock.instant();
        TimeRange range = TimeRange.parse(from, to, step, now, properties.interval());
        List<InstanceState> instances = liveState.instancesOf(service);
        if (instances.isEmpty() && !history.knows(service)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-service",
                    "No service named '" + service + "' is watched or has history");
        }
        ServiceView current = view(service, instances);
        return new ServiceMetrics(service, current.status(), current.instancesUp(), current.instancesTotal(), current.instances(),
                range.from(), range.to(), range.step(),
                history.series(service, range.from(), range.to(), range.step(), now));
    }

    private static ServiceView view(String service, List<InstanceState> instances) {
        int up = (int) instances.stream().filter(s -> s.status() == HealthStatus.UP).count();
        return new ServiceView(service, ServiceStatus.of(instances.stream().map(InstanceState::status).toList()), up,
                instances.size(), instances.stream().map(InstanceView::of).toList());
    }
}
