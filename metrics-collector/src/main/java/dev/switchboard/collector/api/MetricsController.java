package dev.switchboard.collector.api;

import dev.switchboard.collector.state.InstanceState;
import dev.switchboard.collector.state.LiveState;
import dev.switchboard.collector.state.ServiceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/metrics}: the current state of every service. */
@RestController
@RequestMapping(path = "/api/v1/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
class MetricsController {

    /**
     * Body of {@code GET /api/v1/metrics}.
     *
     * @param at when the answer was made
     * @param services every known service, by name
     */
    record CurrentMetrics(Instant at, List<ServiceView> services) {
    }

    private final LiveState liveState;
    private final Clock clock;

    MetricsController(LiveState liveState, Clock clock) {
        this.liveState = liveState;
        this.clock = clock;
    }

    @GetMapping
    CurrentMetrics current() {
        Map<String, List<InstanceState>> byService = new LinkedHashMap<>();
        for (InstanceState state : liveState.instances()) {
            byService.computeIfAbsent(state.target().service(), key -> new java.util.ArrayList<>()).add(state);
        }
        List<ServiceView> services = byService.entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
        return new CurrentMetrics(clock.instant(), services);
    }

    static ServiceView view(String service, List<InstanceState> instances) {
        int up = (int) instances.stream().filter(s -> s.status() == dev.switchboard.collector.poll.HealthStatus.UP).count();
        return new ServiceView(service, ServiceStatus.of(instances.stream().map(InstanceState::status).toList()), up,
                instances.size(), instances.stream().map(InstanceView::of).toList());
    }
}
