package dev.switchboard.collector.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/** Every instance discovery knows, read from the client's local copy of the registry (no network call). */
public final class DiscoveryTargetSource implements TargetSource {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryTargetSource.class);

    private final DiscoveryClient discoveryClient;
    private final String healthPath;
    private final String selfName;
    private final boolean includeSelf;

    public DiscoveryTargetSource(DiscoveryClient discoveryClient, String healthPath, String selfName,
                                 boolean includeSelf) {
        this.discoveryClient = discoveryClient;
        this.healthPath = healthPath;
        this.selfName = selfName;
        this.includeSelf = includeSelf;
    }

    @Override
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        try {
            for (String serviceId : discoveryClient.getServices()) {
                String service = serviceId.toLowerCase(Locale.ROOT);
                if (!includeSelf && service.equalsIgnoreCase(selfName)) {
                    continue;
                }
                for (ServiceInstance instance : discoveryClient.getInstances(serviceId)) {
                    String id = instance.getInstanceId() != null ? instance.getInstanceId()
                            : instance.getHost() + ":" + instance.getPort();
                    targets.add(new Target(service, id, instance.getUri(),
                            HealthUrls.resolve(instance.getUri(), healthPath), Target.Origin.DISCOVERY));
                }
            }
        } catch (RuntimeException e) {
            // Discovery being away must not stop polling of the static targets.
            log.warn("Could not read instances from discovery: {}", e.toString());
        }
        return targets;
    }
}
