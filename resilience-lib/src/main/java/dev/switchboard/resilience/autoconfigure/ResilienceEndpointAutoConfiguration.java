package dev.switchboard.resilience.autoconfigure;

import dev.switchboard.resilience.actuate.ResilienceEndpoint;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code resilience} Actuator endpoint, when Actuator is present and the endpoint is exposed.
 */
@AutoConfiguration(after = ResilienceAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
public class ResilienceEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CircuitBreakerRegistry.class)
    @ConditionalOnAvailableEndpoint
    ResilienceEndpoint resilienceEndpoint(CircuitBreakerRegistry registry) {
        return new ResilienceEndpoint(registry);
    }
}
