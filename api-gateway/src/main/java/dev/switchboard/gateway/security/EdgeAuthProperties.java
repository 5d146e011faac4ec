package dev.switchboard.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call which gateway routes.
 *
 * @param apiKeys the accepted API keys, each with a name and the SHA-256 digest of the key (never the key itself)
 * @param apiKeyDigests more API keys as {@code name:sha256} pairs, the form the {@code GATEWAY_API_KEYS_SHA256}
 *        environment variable takes (comma-separated)
 * @param apiKeyFile a file of more API keys, one {@code name:sha256} pair per line ({@code #} comments and blank
 *        lines allowed), e.g. a mounted secret; read at start-up
 * @param rules path rules, first match wins: which {@link AccessPolicy} a request needs
 * @param defaultPolicy the policy of a request no rule matches; {@code public} keeps routes usable without
 *        configuration
 */
@Validated
@ConfigurationProperties("switchboard.gateway.auth")
public record EdgeAuthProperties(
        @DefaultValue List<@Valid ApiKey> apiKeys,
        @DefaultValue List<String> apiKeyDigests,
        @Nullable Path apiKeyFile,
        @DefaultValue List<@Valid Rule> rules,
        @DefaultValue("public") AccessPolicy defaultPolicy) {

    /**
     * One API key.
     *
     * @param name the caller it identifies (client id); becomes the authenticated principal
     * @param sha256 hex SHA-256 digest of the key ({@code printf %s "$KEY" | sha256sum})
     */
    public record ApiKey(@NotBlank String name, @NotBlank String sha256) {
    }

    /**
     * Which policy requests matching a path pattern need.
     *
     * @param path a Spring path pattern, e.g. {@code /api/v1/search/**}
     * @param methods HTTP methods the rule is limited to; empty for every method
     * @param policy what the request must present
     */
    public record Rule(@NotBlank String path, @DefaultValue List<String> methods, @NotNull AccessPolicy policy) {
    }
}
