package dev.switchboard.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The seed's {@code GET /health}, answered by the gateway itself: the verdict of {@code /actuator/health} with each
 * check's status, 503 when not UP (the same body as the servlet services' {@code HealthController}).
 */
@RestController
class HealthController {

    private final HealthEndpoint healthEndpoint;
    private final String serviceName;

    HealthController(HealthEndpoint healthEndpoint, org.springframework.core.env.Environment environment) {
        this.healthEndpoint = healthEndpoint;
        this.serviceName = environment.getProperty("spring.application.name", "api-gateway");
    }

    @GetMapping(path = "/health", produces = "application/json")
    Mono<ResponseEntity<ServiceHealth>> health() {
        // Health contributors may block (Eureka's, Redis'): keep them off the event loop.
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<ServiceHealth> check() {
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
    record ServiceHealth(String status, String service, Map<String, String> checks) {
    }
}
