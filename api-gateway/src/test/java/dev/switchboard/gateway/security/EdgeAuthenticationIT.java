package dev.switchboard.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.switchboard.gateway.support.EdgeTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a real port in front of a WireMock backend, which also serves the JWK set of a test issuer:
 * protected routes refuse requests without or with a wrong credential (401/403 problem+json) and admit the right
 * one; the gateway's own Actuator endpoints beyond health, info and prometheus need the admin key.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.gateway.server.webflux.routes[0].id=edge-auth-test",
        "spring.cloud.gateway.server.webflux.routes[0].uri=${test.backend-url}",
        "spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/open/**,/keyed/**,/token/**,/either/**",
        "switchboard.gateway.auth.rules[0].path=/keyed/**",
        "switchboard.gateway.auth.rules[0].policy=api-key",
        "switchboard.gateway.auth.rules[1].path=/token/**",
        "switchboard.gateway.auth.rules[1].policy=jwt",
        "switchboard.gateway.auth.rules[2].path=/either/**",
        "switchboard.gateway.auth.rules[2].policy=api-key-or-jwt",
        "switchboard.gateway.auth.api-keys[0].name=reporting",
        "switchboard.gateway.auth.api-keys[0].sha256=" + EdgeAuthenticationIT.REPORTING_KEY_SHA256,
        "switchboard.gateway.auth.api-key-digests=etl:" + EdgeAuthenticationIT.ETL_KEY_SHA256,
        "switchboard.admin.key-sha256=" + EdgeAuthenticationIT.ADMIN_KEY_SHA256,
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + EdgeAuthenticationIT.ISSUER,
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${test.backend-url}/jwks.json",
        "management.endpoints.web.exposure.include=health,info,prometheus,metrics,env",
        // Debug logging of the security chain and the gateway, so that credentialsNeverReachTheLogs sees all of it.
        "logging.level.org.springframework.security=DEBUG", "logging.level.dev.switchboard.gateway=DEBUG" })
class EdgeAuthenticationIT {

    static final String REPORTING_KEY = "reporting-key-0f4c";
    static final String REPORTING_KEY_SHA256 = "15cb4e6e52b400d5fad37c60c9de81f6bd7be885325b0e8896afbb3a956fa0a6";
    static final String ETL_KEY = "etl-key-77a1";
    static final String ETL_KEY_SHA256 = "a3a1aa6383f8009df4d9681c820b3d3f1e564554ae903adfd8bdb334128b65a6";
    static final String ADMIN_KEY = "admin-key-3c9e";
    static final String ADMIN_KEY_SHA256 = "437b030b0889fc8e4700441f5edbf3bc0a4802d30d06eaf21aea34695d183129";
    static final String ISSUER = "https://issuer.switchboard.test";

    private static final WireMockServer backend = new WireMockServer(options().dynamicPort());
    private static final RSAKey signingKey = rsaKey("test-key");
    private static final RSAKey impostorKey = rsaKey("test-key");

    static {
        backend.start();
        backend.stubFor(get("/jwks.json").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(signingKey.toPublicJWK()).toString())));
        backend.stubFor(get(urlPathMatching("/(open|keyed|token|either)/.*")).willReturn(aResponse().withBody("backend")));
    }

    @DynamicPropertySource
    static void backendUrl(DynamicPropertyRegistry registry) {
        registry.add("test.backend-url", backend::baseUrl);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void resetRequests() {
        backend.resetRequests();
    }

    @Test
    void publicRoutesNeedNoCredential() {
        assertThat(get(port, "/open/a").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientCannotForgeThePrincipalHeader() {
        assertThat(get(port, "/open/a", "X-Authenticated-Principal", "admin").statusCode()).isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("X-Authenticated-Principal", absent()));

        assertThat(get(port, "/open/a", "X-API-Key", REPORTING_KEY, "X-Authenticated-Principal", "admin").statusCode())
                .isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("X-Authenticated-Principal", equalTo("api-key:reporting")));
    }

    @Test
    void anUnknownKeyOrTokenLeavesAPublicRouteUsableAndAnonymous() {
        assertThat(get(port, "/open/a", "X-API-Key", "meant-for-something-else").statusCode()).isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("X-Authenticated-Principal", absent())
                .withHeader("X-API-Key", absent()));

        assertThat(get(port, "/open/a", "Authorization", "Bearer backend-token").statusCode()).isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("Authorization", equalTo("Bearer backend-token")));

        assertThat(get(port, "/open/a", "X-API-Key", REPORTING_KEY).statusCode()).isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("X-Authenticated-Principal", equalTo("api-key:reporting")));
    }

    @Test
    void credentialsNeverReachTheLogs(CapturedOutput output) {
        String forgedToken = token(impostorKey, ISSUER, 300);
        String expiredToken = token(signingKey, ISSUER, -300);
        String validToken = token(signingKey, ISSUER, 300);

        get(port, "/keyed/a", "X-API-Key", "wrong-key-9d1e");
        get(port, "/keyed/a", "X-API-Key", REPORTING_KEY);
        get(port, "/token/a", "Authorization", "Bearer " + forgedToken);
        get(port, "/token/a", "Authorization", "Bearer " + expiredToken);
        get(port, "/token/a", "Authorization", "Bearer " + validToken);
        get(port, "/actuator/env", "X-Admin-Key", "wrong-admin-4471");
        get(port, "/actuator/env", "X-Admin-Key", ADMIN_KEY);

        assertThat(output.getAll()).doesNotContain("wrong-key-9d1e", REPORTING_KEY, forgedToken, expiredToken, validToken,
                "wrong-admin-4471", ADMIN_KEY);
    }

    @Test
    void theAdminKeyOfABackendAdminOperationIsPassedThrough() {
        assertThat(get(port, "/open/a", "X-Admin-Key", "backend-admin-key").statusCode()).isEqualTo(200);
        backend.verify(getRequestedFor(urlEqualTo("/open/a")).withHeader("X-Admin-Key", equalTo("backend-admin-key")));
    }

    @Nested
    class ApiKeys {

        @Test
        void requestWithoutKeyIsRefusedWith401Problem() {
            HttpResponse<String> response = get(port, "/keyed/a");

            assertUnauthenticated(response);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-API-Key\"");
            assertThat(response.body()).contains("X-API-Key");
            backend.verify(0, getRequestedFor(urlEqualTo("/keyed/a")));
        }

        @Test
        void requestWithWrongKeyIsRefusedAndTheKeyIsNotEchoed() {
            HttpResponse<String> response = get(port, "/keyed/a", "X-API-Key", "not-a-key-5521");

            assertUnauthenticated(response);
            assertThat(response.body()).contains("does not hold a valid API key").doesNotContain("not-a-key-5521");
            backend.verify(0, getRequestedFor(urlEqualTo("/keyed/a")));
        }

        @Test
        void requestWithRightKeyReachesTheBackendAsItsNamedPrincipalWithoutTheKey() {
            HttpResponse<String> response = get(port, "/keyed/a", "X-API-Key", REPORTING_KEY,
                    "X-Authenticated-Principal", "api-key:forged");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("backend");
            backend.verify(getRequestedFor(urlEqualTo("/keyed/a"))
                    .withHeader("X-Authenticated-Principal", equalTo("api-key:reporting"))
                    .withHeader("X-API-Key", absent()));
        }

        @Test
        void keysFromTheEnvironmentFormAreAccepted() {
            assertThat(get(port, "/keyed/a", "X-API-Key", ETL_KEY).statusCode()).isEqualTo(200);
            backend.verify(getRequestedFor(urlEqualTo("/keyed/a")).withHeader("X-Authenticated-Principal", equalTo("api-key:etl")));
        }

        @Test
        void aTokenDoesNotOpenAnApiKeyRoute() {
            HttpResponse<String> response = get(port, "/keyed/a", "Authorization", "Bearer " + token(signingKey, ISSUER, 300));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("urn:switchboard:problem:forbidden");
        }
    }

    @Nested
    class BearerTokens {

        @Test
        void requestWithoutTokenIsRefused() {
            HttpResponse<String> response = get(port, "/token/a");

            assertUnauthenticated(response);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }

        @Test
        void rightTokenIsAdmittedAsItsSubject() {
            HttpResponse<String> response = get(port, "/token/a", "Authorization", "Bearer " + token(signingKey, ISSUER, 300));

            assertThat(response.statusCode()).isEqualTo(200);
            backend.verify(getRequestedFor(urlEqualTo("/token/a")).withHeader("X-Authenticated-Principal", equalTo("jwt:client-42"))
                    .withHeader("Authorization", absent()));
        }

        @Test
        void expiredTokenIsRefused() {
            String expired = token(signingKey, ISSUER, -300);

            HttpResponse<String> response = get(port, "/token/a", "Authorization", "Bearer " + expired);

            assertUnauthenticated(response);
            assertThat(response.body()).contains("expired").doesNotContain(expired);
        }

        @Test
        void tokenFromAnotherIssuerIsRefused() {
            HttpResponse<String> response = get(port, "/token/a", "Authorization",
                    "Bearer " + token(signingKey, "https://elsewhere.test", 300));

            assertUnauthenticated(response);
            assertThat(response.body()).contains("iss");
        }

        @Test
        void tokenWithAForgedSignatureIsRefused() {
            HttpResponse<String> response = get(port, "/token/a", "Authorization", "Bearer " + token(impostorKey, ISSUER, 300));

            assertUnauthenticated(response);
            backend.verify(0, getRequestedFor(urlEqualTo("/token/a")));
        }

        @Test
        void eitherCredentialOpensAnApiKeyOrJwtRoute() {
            assertThat(get(port, "/either/a").statusCode()).isEqualTo(401);
            assertThat(get(port, "/either/a", "X-API-Key", REPORTING_KEY).statusCode()).isEqualTo(200);
            assertThat(get(port, "/either/a", "Authorization", "Bearer " + token(signingKey, ISSUER, 300)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class AdminEndpoints {

        @Test
        void healthInfoAndPrometheusStayPublic() {
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/info").statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(200);
        }

        @Test
        void otherEndpointsNeedTheAdminKey() {
            HttpResponse<String> anonymous = get(port, "/actuator/env");
            assertUnauthenticated(anonymous);
            assertThat(anonymous.body()).contains("X-Admin-Key");

            HttpResponse<String> wrongKey = get(port, "/actuator/metrics", "X-Admin-Key", "guess-1234");
            assertThat(wrongKey.statusCode()).isEqualTo(403);
            assertThat(wrongKey.body()).contains("urn:switchboard:problem:forbidden").doesNotContain("guess-1234");

            assertThat(get(port, "/actuator/metrics", "X-Admin-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/env", "X-Admin-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
        }

        @Test
        void anApiKeyIsNotAnAdminKey() {
            assertUnauthenticated(get(port, "/actuator/metrics", "X-API-Key", REPORTING_KEY));
        }
    }

    static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:switchboard:problem:unauthenticated\"",
                "\"title\":\"Unauthorized\"", "\"status\":401", "\"detail\":", "\"instance\":");
    }

    static String token(RSAKey key, String issuer, long expiresInSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("client-42").issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
