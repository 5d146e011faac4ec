package dev.switchboard.gateway.discovery;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Makes the gateway's retry land on another instance: when the exchange already went to an instance (its first
 * attempt failed), that instance is left out of the candidates, unless it is the only one. Plain round-robin would
 * send the retry back to the failed instance whenever concurrent requests moved the counter by an odd number.
 */
class AvoidPreviousAttemptSupplier extends DelegatingServiceInstanceListSupplier {

    AvoidPreviousAttemptSupplier(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        ServiceInstance previous = previousInstance(request);
        if (previous == null) {
            return delegate.get(request);
        }
        return delegate.get(request).map(instances -> {
            List<ServiceInstance> others = instances.stream()
                    .filter(instance -> !(instance.getHost().equals(previous.getHost()) && instance.getPort() == previous.getPort()))
                    .toList();
            return others.isEmpty() ? instances : others;
        });
    }

    private static @org.jspecify.annotations.Nullable ServiceInstance previousInstance(Request<?> request) {
        if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null
                && context.getClientRequest().getAttributes() != null
                && context.getClientRequest().getAttributes().get(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR)
                        instanceof Response<?> response
                && response.getServer() instanceof ServiceInstance instance) {
            return instance;
        }
        return null;
    }
}
