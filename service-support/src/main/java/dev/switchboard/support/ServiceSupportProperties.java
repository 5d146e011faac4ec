package dev.switchboard.support;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP conventions of a Switchboard service.
 *
 * @param maxBodySize largest request body accepted; larger bodies are refused with 413 before they are read
 */
@Validated
@ConfigurationProperties("switchboard.http")
public record ServiceSupportProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {
}
