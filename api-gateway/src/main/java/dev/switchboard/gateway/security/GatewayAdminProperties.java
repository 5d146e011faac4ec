package dev.switchboard.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin credential of the gateway's own Actuator endpoints; the same property (and {@code ADMIN_KEY_SHA256})
 * the servlet services read.
 *
 * @param keySha256 hex SHA-256 digests of the accepted admin keys; with none, every admin endpoint is refused
 */
@ConfigurationProperties("switchboard.admin")
public record GatewayAdminProperties(@DefaultValue List<String> keySha256) {
}
