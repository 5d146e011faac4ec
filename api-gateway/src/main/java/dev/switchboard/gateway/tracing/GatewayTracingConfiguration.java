package dev.switchboard.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing at the gateway is Micrometer Tracing over OpenTelemetry (W3C {@code traceparent}): the server observation
 * continues the client's trace (or starts one) and {@link TraceContextHeadersFilter} hands it on to the backend.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTracingConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "switchboard.gateway.filters.enabled", matchIfMissing = true)
    TraceContextHeadersFilter traceContextHeadersFilter(Propagator propagator) {
        return new TraceContextHeadersFilter(propagator);
    }
}
