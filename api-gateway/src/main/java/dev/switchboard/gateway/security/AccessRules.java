package dev.switchboard.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which {@link AccessPolicy} a request needs, and whether it is one of the gateway's admin endpoints: the
 * configured rules (first match wins), then the default policy.
 */
public final class AccessRules {

    private final List<CompiledRule> rules;
    private final AccessPolicy defaultPolicy;
    private final List<PathPattern> alwaysPublic;
    private final PathPattern adminPaths;

    public AccessRules(EdgeAuthProperties properties, String actuatorBasePath) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = properties.rules().stream()
                .map(rule -> new CompiledRule(parser.parse(rule.path().strip()),
                        rule.methods().stream().map(method -> method.strip().toUpperCase(Locale.ROOT)).toList(),
                        rule.policy()))
                .toList();
        this.defaultPolicy = properties.defaultPolicy();
        String base = actuatorBasePath.endsWith("/") ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1)
                : actuatorBasePath;
        this.alwaysPublic = List.of(parser.parse("/health"), parser.parse(base + "/health/**"),
                parser.parse(base + "/info"), parser.parse(base + "/prometheus"));
        this.adminPaths = parser.parse(base + "/**");
    }

    public AccessPolicy policyOf(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        if (isAlwaysPublic(path)) {
            return AccessPolicy.PUBLIC;
        }
        String method = request.getMethod().name();
        for (CompiledRule rule : rules) {
            if (rule.matches(method, path)) {
                return rule.policy();
            }
        }
        return defaultPolicy;
    }

    /** Actuator endpoints other than health, info and prometheus: they need the admin key. */
    public boolean isAdminEndpoint(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return !isAlwaysPublic(path) && adminPaths.matches(path);
    }

    boolean needsJwt() {
        return defaultPolicy.acceptsJwt() || rules.stream().anyMatch(rule -> rule.policy().acceptsJwt());
    }

    boolean needsApiKeys() {
        return defaultPolicy.acceptsApiKey() || rules.stream().anyMatch(rule -> rule.policy().acceptsApiKey());
    }

    private boolean isAlwaysPublic(PathContainer path) {
        return alwaysPublic.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private record CompiledRule(PathPattern path, List<String> methods, AccessPolicy policy) {

        boolean matches(String method, PathContainer requestPath) {
            return (methods.isEmpty() || methods.contains(method)) && path.matches(requestPath);
        }
    }
}
