package dev.switchboard.collector.target;

import dev.switchboard.collector.config.CollectorProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configured backends that do not register in discovery: {@code switchboard.collector.static-targets.<name>}
 * holds one or more comma-separated base URLs. Validated once at start-up so that a typo fails fast.
 */
public final class StaticTargetSource implements TargetSource {

    private final List<Target> targets;

    public StaticTargetSource(Map<String, String> urlsByService, String healthPath) {
        List<Target> parsed = new ArrayList<>();
        urlsByService.forEach((service, urls) -> {
            for (String raw : urls.split(",")) {
                String url = raw.strip();
                if (!url.isEmpty()) {
                    URI base = parse(service, url);
                    parsed.add(new Target(service, instanceId(base), base, HealthUrls.resolve(base, healthPath),
                            Target.Origin.STATIC));
                }
            }
        });
        this.targets = List.copyOf(parsed);
    }

    public static StaticTargetSource of(CollectorProperties properties) {
        return new StaticTargetSource(properties.staticTargets(), properties.healthPath());
    }

    /** Host and port, plus the path when several targets share one server under different paths. */
    private static String instanceId(URI base) {
        String path = base.getRawPath();
        return path == null || path.isEmpty() || "/".equals(path) ? base.getRawAuthority()
                : base.getRawAuthority() + path.replaceAll("/+$", "");
    }

    private static URI parse(String service, String url) {
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Static target '" + service + "' has an invalid URL '" + url + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<Target> targets() {
        return targets;
    }
}
