package dev.switchboard.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class JwtEnvironmentAliasesTest {

    private final JwtEnvironmentAliases aliases = new JwtEnvironmentAliases();

    @Test
    void setVariablesBecomeBootsResourceServerProperties() {
        MockEnvironment environment = new MockEnvironment().withProperty("GATEWAY_JWT_ISSUER_URI", "https://idp.test/")
                .withProperty("GATEWAY_JWK_SET_URI", " https://idp.test/jwks ");

        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo("https://idp.test/");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")).isEqualTo("https://idp.test/jwks");
    }

    @Test
    void emptyVariablesLeaveJwtOff() {
        MockEnvironment environment = new MockEnvironment().withProperty("GATEWAY_JWK_SET_URI", "");

        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")).isFalse();
    }

    @Test
    void explicitSpringPropertiesWin() {
        MockEnvironment environment = new MockEnvironment().withProperty("GATEWAY_JWK_SET_URI", "https://alias.test/jwks")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://explicit.test/jwks");

        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")).isEqualTo("https://explicit.test/jwks");
    }
}
