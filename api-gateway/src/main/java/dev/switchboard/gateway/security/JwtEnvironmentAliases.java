package dev.switchboard.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code GATEWAY_JWT_ISSUER_URI} and {@code GATEWAY_JWK_SET_URI} onto Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri}, only when they hold a
 * value. A {@code ${GATEWAY_JWK_SET_URI:}} placeholder in application.yml would not do: Boot builds a JWT decoder
 * as soon as the property exists, even empty, and the gateway would then refuse every bearer token.
 * Explicitly set Spring properties win over these aliases.
 */
public class JwtEnvironmentAliases implements EnvironmentPostProcessor {

    static final String ISSUER_URI_ENV = "GATEWAY_JWT_ISSUER_URI";
    static final String JWK_SET_URI_ENV = "GATEWAY_JWK_SET_URI";
    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> aliases = new LinkedHashMap<>();
        alias(environment, ISSUER_URI_ENV, PREFIX + "issuer-uri", aliases);
        alias(environment, JWK_SET_URI_ENV, PREFIX + "jwk-set-uri", aliases);
        if (!aliases.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("gatewayJwtEnvironmentAliases", aliases));
        }
    }

    private static void alias(ConfigurableEnvironment environment, String variable, String property,
            Map<String, Object> aliases) {
        String value = environment.getProperty(variable);
        if (value != null && !value.isBlank() && !environment.containsProperty(property)) {
            aliases.put(property, value.strip());
        }
    }
}
