package dev.switchboard.gateway.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * A discovery client over instances listed by URL in configuration. Spring Cloud's composite discovery client
 * concatenates it with Eureka's, so a service id gets the union of registered and configured instances, and the
 * load balancer health-checks them all alike.
 */
public class StaticInstancesDiscoveryClient implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances;

    public StaticInstancesDiscoveryClient(Map<String, String> urlsByService) {
        Map<String, List<ServiceInstance>> parsed = new LinkedHashMap<>();
        urlsByService.forEach((serviceId, urls) -> {
            List<ServiceInstance> list = parse(serviceId, urls);
            if (!list.isEmpty()) {
                parsed.put(serviceId, list);
            }
        });
        this.instances = Map.copyOf(parsed);
    }

    static List<ServiceInstance> parse(String serviceId, String urls) {
        List<ServiceInstance> list = new ArrayList<>();
        for (String url : Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).distinct().toList()) {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("Instance URL '" + url + "' of service '" + serviceId
                        + "' is not an absolute http(s) URL");
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            list.add(new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + port, serviceId,
                    uri.getHost(), port, "https".equals(uri.getScheme())));
        }
        return List.copyOf(list);
    }

    @Override
    public String description() {
        return "Instances configured by URL (switchboard.gateway.instances)";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }

    /** The configured instances of every service, for statistics. */
    public Map<String, List<ServiceInstance>> all() {
        return instances;
    }
}
