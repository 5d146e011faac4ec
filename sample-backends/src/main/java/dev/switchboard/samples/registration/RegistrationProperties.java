package dev.switchboard.samples.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Optional registration with Eureka over its REST API, the way the real Python and R backends would do it.
 *
 * @param enabled register at start-up, renew the lease, deregister on shutdown (env {@code EUREKA_REGISTER})
 * @param eurekaUrl the registry's {@code /eureka/} base URL (env {@code EUREKA_URL})
 * @param hostname the host name other services use to reach this instance (env {@code EUREKA_INSTANCE_HOSTNAME})
 * @param renewalInterval time between heartbeats, also the retry interval while the registry is unreachable
 * @param leaseDuration how long the registry keeps the instance without a heartbeat
 */
@Validated
@ConfigurationProperties("switchboard.sample.registration")
public record RegistrationProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("http://localhost:8080/eureka/") URI eurekaUrl,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]+") @DefaultValue("localhost") String hostname,
        @NotNull @DefaultValue("30s") Duration renewalInterval,
        @NotNull @DefaultValue("90s") Duration leaseDuration) {
}
