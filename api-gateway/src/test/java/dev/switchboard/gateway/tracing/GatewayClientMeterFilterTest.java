package dev.switchboard.gateway.tracing;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class GatewayClientMeterFilterTest {

    @Test
    void dropsOnlyTheGatewaysClientMeters() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new GatewayClientMeterFilter());

        registry.timer("http.client.requests", "spring.cloud.gateway.route.id", "r1").record(Duration.ofMillis(1));
        registry.more().longTaskTimer("http.client.requests.active", "spring.cloud.gateway.route.uri", "http://x");
        registry.timer("http.client.requests", "client.name", "eureka").record(Duration.ofMillis(1));
        registry.timer("gateway.requests", "spring.cloud.gateway.route.id", "r1");

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName() + meter.getId().getTags())
                .containsExactlyInAnyOrder("http.client.requests[tag(client.name=eureka)]",
                        "gateway.requests[tag(spring.cloud.gateway.route.id=r1)]");
    }
}
