package dev.switchboard.gateway.discovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Keeps one instance per host and port. A backend given by URL that also registers in Eureka (the sample backends
 * with {@code EUREKA_REGISTER=true}) would otherwise be listed twice and get twice its share of the traffic.
 */
class DistinctInstancesSupplier extends DelegatingServiceInstanceListSupplier {

    DistinctInstancesSupplier(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().map(DistinctInstancesSupplier::distinct);
    }

    static List<ServiceInstance> distinct(List<ServiceInstance> instances) {
        Set<String> seen = new HashSet<>();
        List<ServiceInstance> distinct = new ArrayList<>(instances.size());
        for (ServiceInstance instance : instances) {
            if (seen.add(instance.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + instance.getPort())) {
                distinct.add(instance);
            }
        }
        return distinct.size() == instances.size() ? instances : distinct;
    }
}
