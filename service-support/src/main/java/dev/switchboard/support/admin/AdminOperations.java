package dev.switchboard.support.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Decides whether a request is an admin operation: configured method and path patterns, and Actuator. */
public final class AdminOperations {

    private final List<Operation> operations;
    private final List<PathPattern> publicPaths;

    public AdminOperations(AdminProperties properties, String actuatorBasePath) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        List<Operation> all = new ArrayList<>();
        for (String spec : properties.operations()) {
            all.add(Operation.parse(spec, parser));
        }
        List<PathPattern> open = new ArrayList<>();
        if (properties.protectActuator()) {
            all.add(new Operation(null, parser.parse(actuatorBasePath + "/**")));
            for (String id : properties.publicActuatorEndpoints()) {
                open.add(parser.parse(actuatorBasePath + "/" + id + "/**"));
            }
        }
        this.operations = List.copyOf(all);
        this.publicPaths = List.copyOf(open);
    }

    public boolean isAdminOperation(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        if (publicPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            return false;
        }
        return operations.stream().anyMatch(operation -> operation.matches(request.getMethod(), path));
    }

    private record Operation(@Nullable String method, PathPattern path) {

        static Operation parse(String spec, PathPatternParser parser) {
            String[] parts = spec.strip().split("\\s+");
            if (parts.length == 1) {
                return new Operation(null, parser.parse(parts[0]));
            }
            if (parts.length == 2) {
                return new Operation(parts[0].toUpperCase(Locale.ROOT), parser.parse(parts[1]));
            }
            throw new IllegalArgumentException("switchboard.admin.operations entry '" + spec
                    + "' must be 'METHOD /path/pattern' or '/path/pattern'");
        }

        boolean matches(String requestMethod, PathContainer requestPath) {
            return (method == null || method.equals(requestMethod)) && path.matches(requestPath);
        }
    }
}
