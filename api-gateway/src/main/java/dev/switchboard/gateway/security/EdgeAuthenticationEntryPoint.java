package dev.switchboard.gateway.security;

import dev.switchboard.gateway.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request that lacks a credential, or whose API key or bearer token was refused: 401 problem+json with
 * a {@code WWW-Authenticate} challenge naming what the route accepts. On an admin endpoint with no admin key
 * configured it answers 403, as the servlet services do.
 */
final class EdgeAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final AccessRules rules;
    private final boolean adminKeysConfigured;
    private final ProblemWriter problems;

    EdgeAuthenticationEntryPoint(AccessRules rules, boolean adminKeysConfigured, ProblemWriter problems) {
        this.rules = rules;
        this.adminKeysConfigured = adminKeysConfigured;
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (rules.isAdminEndpoint(request)) {
            if (!adminKeysConfigured) {
                return problems.write(exchange, HttpStatus.FORBIDDEN, "admin-disabled",
                        "Admin endpoints are disabled: no admin key is configured (switchboard.admin.key-sha256)");
            }
            headers.set(HttpHeaders.WWW_AUTHENTICATE, EdgeHeaders.ADMIN_KEY);
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "This is an admin endpoint: send the admin key in the " + EdgeHeaders.ADMIN_KEY + " header");
        }
        AccessPolicy policy = rules.policyOf(request);
        if (failure instanceof OAuth2AuthenticationException refused) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "The bearer token was refused: " + describe(refused.getError()));
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge(policy));
        if (failure instanceof InvalidCredentialException invalid) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", invalid.getMessage());
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "This route needs " + policy.requirement());
    }

    private static String challenge(AccessPolicy policy) {
        if (policy == AccessPolicy.JWT) {
            return "Bearer";
        }
        String apiKey = "ApiKey header=\"" + EdgeHeaders.API_KEY + "\"";
        return policy == AccessPolicy.API_KEY_OR_JWT ? apiKey + ", Bearer" : apiKey;
    }

    /** The validator's reason (expired, wrong issuer, bad signature), which never contains the token. */
    private static String describe(OAuth2Error error) {
        String description = error.getDescription();
        return description != null && !description.isBlank() ? description : error.getErrorCode();
    }
}
