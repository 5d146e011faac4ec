package dev.switchboard.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's {@code GET /health}: the same verdict as {@code /actuator/health}, with the service name and
 * each check's status, and 503 when the service is not UP so that plain HTTP checkers can use it.
 */
@RestController
public class HealthController {

    private final HealthEndpoint healthEndpoint;
    private final String serviceName;

    public HealthController(HealthEndpoint healthEndpoint, String serviceName) {
        this.healthEndpoint = healthEndpoint;
        this.serviceName = serviceName;
    }

    @GetMapping(path = "/health", produces = "application/json")
    public ResponseEntity<ServiceHealth> health() {
        HealthDescriptor health = healthEndpoint.health();
        Map<String, String> checks = new LinkedHashMap<>();
        if (health instanceof CompositeHealthDescriptor composite) {
            composite.getComponents().forEach((name, component) -> checks.put(name, component.getStatus().getCode()));
        }
        Status status = health.getStatus();
        var body = new ServiceHealth(status.getCode(), serviceName, checks);
        return Status.UP.equals(status) ? ResponseEntity.ok(body) : ResponseEntity.status(503).body(body);
    }

    /** Body of {@code GET /health}. */
    public record ServiceHealth(String status, String service, Map<String, String> checks) {
    }
}
