package dev.switchboard.collector.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All targets of all sources; an instance known twice (registered and configured) is polled once. */
public final class Targets {

    private final List<TargetSource> sources;

    public Targets(List<TargetSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<Target> current() {
        Map<String, Target> byHealthUrl = new LinkedHashMap<>();
        for (TargetSource source : sources) {
            for (Target target : source.targets()) {
                byHealthUrl.putIfAbsent(target.healthUrl().toString(), target);
            }
        }
        return List.copyOf(byHealthUrl.values());
    }
}
