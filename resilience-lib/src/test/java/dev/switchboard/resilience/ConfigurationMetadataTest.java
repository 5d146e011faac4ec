package dev.switchboard.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The configuration processor's metadata is in the jar, so IDEs complete and document every key. */
class ConfigurationMetadataTest {

    @Test
    void everyDefaultsKeyIsDescribed() throws Exception {
        Map<String, String> descriptions = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            metadata.path("properties")
                .forEach(p -> descriptions.put(p.path("name").asString(), p.path("description").asString()));
        }

        assertThat(descriptions).containsKeys("switchboard.resilience.clients",
                "switchboard.resilience.defaults.base-url", "switchboard.resilience.defaults.attempt-timeout",
                "switchboard.resilience.defaults.retry.max-attempts", "switchboard.resilience.defaults.retry.jitter",
                "switchboard.resilience.defaults.retry.budget.max-tokens",
                "switchboard.resilience.defaults.circuit-breaker.sliding-window-type",
                "switchboard.resilience.defaults.circuit-breaker.slow-call-duration");
        assertThat(descriptions).allSatisfy((key, description) -> {
            if (key.startsWith("switchboard.resilience")) {
                assertThat(description).as(key).isNotBlank();
            }
        });
    }
}
