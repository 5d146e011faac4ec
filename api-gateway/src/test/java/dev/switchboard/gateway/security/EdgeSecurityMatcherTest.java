package dev.switchboard.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class EdgeSecurityMatcherTest {

    private final EdgeSecurityMatcher matcher = new EdgeSecurityMatcher(new AccessRules(new EdgeAuthProperties(
            List.of(), List.of(), null,
            List.of(new EdgeAuthProperties.Rule("/api/v1/queue/**", List.of(), AccessPolicy.API_KEY)),
            AccessPolicy.PUBLIC), "/actuator"));

    @Test
    void anAnonymousRequestToAPublicPathSkipsTheChain() {
        assertThat(matcher.needsChain(MockServerHttpRequest.get("/api/v1/stats").header("Accept", "application/json").build()))
                .isFalse();
        assertThat(matcher.needsChain(MockServerHttpRequest.get("/actuator/health").build())).isFalse();
    }

    @Test
    void credentialsAForgedPrincipalProtectedPathsAndAdminEndpointsGoThroughTheChain() {
        for (String header : List.of(EdgeHeaders.API_KEY, EdgeHeaders.ADMIN_KEY, "Authorization", EdgeHeaders.PRINCIPAL)) {
            assertThat(matcher.needsChain(MockServerHttpRequest.get("/api/v1/stats").header(header, "x").build()))
                    .as(header).isTrue();
        }
        assertThat(matcher.needsChain(MockServerHttpRequest.get("/api/v1/queue/jobs/stats").build())).isTrue();
        assertThat(matcher.needsChain(MockServerHttpRequest.get("/actuator/env").build())).isTrue();
    }
}
