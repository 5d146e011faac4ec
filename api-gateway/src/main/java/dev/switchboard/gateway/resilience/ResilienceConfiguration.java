package dev.switchboard.gateway.resilience;

import dev.switchboard.resilience.ResiliencePolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    RouteBreakerPolicies routeBreakerPolicies(ResiliencePolicies policies) {
        return new RouteBreakerPolicies(policies);
    }

    @Bean
    RouteTimeLimitGatewayFilterFactory routeTimeLimitGatewayFilterFactory(ResiliencePolicies policies) {
        return new RouteTimeLimitGatewayFilterFactory(policies, new EventLoopSchedulers());
    }

    @Bean
    RouteReadTimeouts routeReadTimeouts() {
        return new RouteReadTimeouts();
    }
}
