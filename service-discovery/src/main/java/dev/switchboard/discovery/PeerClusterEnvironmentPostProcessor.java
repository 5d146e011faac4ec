package dev.switchboard.discovery;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns a single registry into a member of a peer cluster when {@code EUREKA_PEERS} (property
 * {@code switchboard.discovery.peers}) lists the other nodes' {@code /eureka/} URLs, comma-separated.
 * A peer registers with the others and fetches their registry at start-up, so that the nodes replicate
 * registrations both ways. One variable is enough; the defaults stay single-node.
 */
class PeerClusterEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PEERS_PROPERTY = "switchboard.discovery.peers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String peers = environment.getProperty(PEERS_PROPERTY, "");
        if (!StringUtils.hasText(peers)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("switchboardDiscoveryPeers", Map.of(
                "eureka.client.service-url.defaultZone", peers.strip(),
                "eureka.client.register-with-eureka", "true",
                "eureka.client.fetch-registry", "true")));
    }
}
