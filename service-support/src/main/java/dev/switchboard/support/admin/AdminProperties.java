package dev.switchboard.support.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may run admin operations and which requests are admin operations.
 *
 * @param keySha256 hex SHA-256 digests of the accepted admin keys (the keys themselves are never configured);
 *        with none, every admin operation is refused
 * @param operations the service's own admin operations, each {@code "METHOD /path/pattern"} or
 *        {@code "/path/pattern"} for every method; Actuator endpoints are added to these by
 *        {@code protectActuator}
 * @param protectActuator whether Actuator endpoints other than the public ones need the admin key
 * @param publicActuatorEndpoints Actuator endpoint ids that stay public
 */
@ConfigurationProperties("switchboard.admin")
public record AdminProperties(
        @DefaultValue List<String> keySha256,
        @DefaultValue List<String> operations,
        @DefaultValue("true") boolean protectActuator,
        @DefaultValue({ "health", "info", "prometheus" }) List<String> publicActuatorEndpoints) {
}
