package dev.switchboard.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP conventions the gateway enforces itself.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413 before reaching a backend
 */
@ConfigurationProperties("switchboard.http")
public record HttpProperties(@DefaultValue("10MB") DataSize maxBodySize) {
}
