package dev.switchboard.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(new EdgeAuthProperties(List.of(), List.of(), null, List.of(
            new EdgeAuthProperties.Rule("/api/v1/queue/**", List.of("post"), AccessPolicy.API_KEY),
            new EdgeAuthProperties.Rule("/api/v1/**", List.of(), AccessPolicy.JWT)), AccessPolicy.API_KEY_OR_JWT), "/actuator");

    @Test
    void firstMatchingRuleWinsThenTheDefault() {
        assertThat(rules.policyOf(MockServerHttpRequest.post("/api/v1/queue/etl/publish").build())).isEqualTo(AccessPolicy.API_KEY);
        assertThat(rules.policyOf(MockServerHttpRequest.get("/api/v1/queue/etl/stats").build())).isEqualTo(AccessPolicy.JWT);
        assertThat(rules.policyOf(MockServerHttpRequest.get("/elsewhere").build())).isEqualTo(AccessPolicy.API_KEY_OR_JWT);
    }

    @Test
    void healthInfoAndPrometheusAreAlwaysPublicAndOtherActuatorEndpointsAreAdmin() {
        for (String path : List.of("/health", "/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
            assertThat(rules.policyOf(MockServerHttpRequest.get(path).build())).as(path).isEqualTo(AccessPolicy.PUBLIC);
            assertThat(rules.isAdminEndpoint(MockServerHttpRequest.get(path).build())).as(path).isFalse();
        }
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/gateway/routes", "/actuator/prometheus/extra")) {
            assertThat(rules.isAdminEndpoint(MockServerHttpRequest.get(path).build())).as(path).isTrue();
        }
    }
}
