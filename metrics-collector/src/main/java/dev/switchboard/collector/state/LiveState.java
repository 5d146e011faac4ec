package dev.switchboard.collector.state;

import dev.switchboard.collector.poll.HealthStatus;
import dev.switchboard.collector.poll.PollListener;
import dev.switchboard.collector.poll.Sample;
import dev.switchboard.collector.target.Target;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current status of every known instance, one entry per target (memory bounded by the number of targets).
 * Detects UP→DOWN and DOWN→UP changes and tells the listeners once per change.
 */
public class LiveState implements PollListener {

    private static final Logger log = LoggerFactory.getLogger(LiveState.class);

    private final Map<String, InstanceState> instances = new ConcurrentHashMap<>();
    private final List<StatusChangeListener> listeners;

    public LiveState(List<StatusChangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void targetsChanged(List<Target> targets) {
        Set<String> keys = new HashSet<>();
        for (Target target : targets) {
            keys.add(target.key());
            if (instances.putIfAbsent(target.key(), new InstanceState(target, HealthStatus.UNKNOWN, null, null, null)) == null) {
                log.info("Now watching {} at {}", target.key(), target.healthUrl());
            }
        }
        instances.keySet().removeIf(key -> {
            boolean vanished = !keys.contains(key);
            if (vanished) {
                log.info("No longer watching {}: it left discovery or configuration", key);
            }
            return vanished;
        });
    }

    @Override
    public void polled(Target target, Sample sample) {
        InstanceState[] before = new InstanceState[1];
        // computeIfPresent: a poll that finishes after its target vanished must not bring it back.
        InstanceState after = instances.computeIfPresent(target.key(), (key, previous) -> {
            before[0] = previous;
            boolean changed = previous.status() != sample.status();
            return new InstanceState(target, sample.status(),
                    changed || previous.since() == null ? sample.at() : previous.since(), sample,
                    sample.figures() != null ? sample.figures() : previous.figures());
        });
        if (after == null || before[0] == null) {
            return;
        }
        HealthStatus old = before[0].status();
        if (old == after.status()) {
            return;
        }
        if (isReportable(old, after.status())) {
            StatusChange change = new StatusChange(UUID.randomUUID().toString(), StatusChange.TYPE, target.service(),
                    target.instance(), target.healthUrl().toString(), old, after.status(), sample.at(),
                    sample.httpStatus(), sample.error());
            log.warn("{} went {} -> {}{}", target.key(), old, after.status(),
                    sample.error() != null ? " (" + sample.error() + ")" : "");
            for (StatusChangeListener listener : listeners) {
                listener.statusChanged(change);
            }
        } else {
            log.info("{} is {}", target.key(), after.status());
        }
    }

    /** Only real transitions are events; the first verdict after start-up is not a change. */
    private static boolean isReportable(HealthStatus from, HealthStatus to) {
        return (from == HealthStatus.UP && to == HealthStatus.DOWN) || (from == HealthStatus.DOWN && to == HealthStatus.UP);
    }

    public List<InstanceState> instances() {
        return instances.values().stream()
                .sorted(Comparator.comparing((InstanceState s) -> s.target().service())
                        .thenComparing(s -> s.target().instance()))
                .toList();
    }

    public @Nullable InstanceState instance(String key) {
        return instances.get(key);
    }

    public List<InstanceState> instancesOf(String service) {
        return instances().stream().filter(state -> state.target().service().equals(service)).toList();
    }
}
