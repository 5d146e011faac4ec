package dev.switchboard.gateway.discovery;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backend instances given by URL rather than found in Eureka, per discovery service id. Each value is a
 * comma-separated list of base URLs ({@code http://host:8000,http://host2:8000}); blank means none.
 *
 * @param always instances used whether or not Eureka is on: backends that never register (the vector, analytics
 *     and ETL APIs)
 * @param withoutEureka instances used only when the Eureka client is disabled: the suite's own services, which
 *     register themselves when discovery is on
 */
@ConfigurationProperties("switchboard.gateway.instances")
public record StaticInstancesProperties(@DefaultValue Map<String, String> always,
        @DefaultValue Map<String, String> withoutEureka) {
}
