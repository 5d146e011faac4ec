package dev.switchboard.gateway.retry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retry of idempotent requests on another instance.
 *
 * @param enabled whether failed attempts are retried at all
 * @param retries extra attempts after the first
 * @param methods methods that are retried (safe to send twice)
 * @param statuses backend statuses that are retried, besides failures to connect or lost connections
 */
@Validated
@ConfigurationProperties("switchboard.gateway.retry")
public record RetryProperties(@DefaultValue("true") boolean enabled, @Min(0) @Max(5) @DefaultValue("1") int retries,
        @DefaultValue({ "GET", "HEAD", "OPTIONS" }) Set<String> methods,
        @DefaultValue({ "502", "503" }) Set<Integer> statuses) {
}
