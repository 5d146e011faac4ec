package dev.switchboard.gateway.stats;

import dev.switchboard.gateway.observe.RouteMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean
    GatewayStatsAssembler gatewayStatsAssembler(RouteLocator routeLocator, RouteMeters routeMeters, MeterRegistry registry,
            ReactiveResilience4JCircuitBreakerFactory breakerFactory, LoadBalancerClientFactory loadBalancerClientFactory) {
        return new GatewayStatsAssembler(routeLocator, routeMeters, registry, breakerFactory.getCircuitBreakerRegistry(),
                new HealthyInstances(loadBalancerClientFactory));
    }
}
