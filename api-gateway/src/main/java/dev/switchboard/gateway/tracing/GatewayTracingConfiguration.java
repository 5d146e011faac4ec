package dev.switchboard.gateway.tracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing at the gateway is Micrometer Tracing over OpenTelemetry (W3C {@code traceparent}), continued from the
 * client by the server observation and passed to the backend by Spring Cloud Gateway's client observation
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled}); this adds only what keeps the two from
 * clashing in the metrics.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTracingConfiguration {

    @Bean
    GatewayClientMeterFilter gatewayClientMeterFilter() {
        return new GatewayClientMeterFilter();
    }
}
