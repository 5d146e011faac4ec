package dev.switchboard.gateway.stats;

import java.time.Duration;
import java.util.List;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import reactor.core.publisher.Mono;

/** How many instances of a service the load balancer currently has in rotation (health checks passed). */
class HealthyInstances {

    private static final Duration WAIT = Duration.ofMillis(500);

    private final LoadBalancerClientFactory clientFactory;

    HealthyInstances(LoadBalancerClientFactory clientFactory) {
        this.clientFactory = clientFactory;
    }

    Mono<Integer> count(String serviceId) {
        ServiceInstanceListSupplier supplier = clientFactory.getInstance(serviceId, ServiceInstanceListSupplier.class);
        if (supplier == null) {
            return Mono.just(0);
        }
        return supplier.get().next().map(List::size).timeout(WAIT, Mono.just(0)).defaultIfEmpty(0)
                .onErrorReturn(0);
    }
}
