package dev.switchboard.gateway.discovery;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instance list of every backend's load balancer (a per-service child context, hence no {@code @Configuration}
 * here: it must not be picked up by the main context): discovered instances (Eureka plus configured URLs, once per
 * host and port), minus those failing their health check (published once per round of checks), minus the instance
 * a retried request already failed on.
 */
class GatewayLoadBalancerConfiguration {

    @Bean
    ServiceInstanceListSupplier gatewayInstanceListSupplier(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .with((ctx, delegate) -> new DistinctInstancesSupplier(delegate))
                .with((ctx, delegate) -> new WholeRoundHealthCheckSupplier(delegate,
                        ctx.getBean(LoadBalancerClientFactory.class), ctx.getBean(WebClient.Builder.class).build()))
                .with((ctx, delegate) -> new AvoidPreviousAttemptSupplier(delegate))
                .build(context);
    }
}
