package dev.switchboard.gateway.resilience;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteResilienceProperties.class)
class ResilienceConfiguration {

    @Bean
    RouteBreakerPolicies routeBreakerPolicies(RouteResilienceProperties properties) {
        return new RouteBreakerPolicies(properties);
    }
}
