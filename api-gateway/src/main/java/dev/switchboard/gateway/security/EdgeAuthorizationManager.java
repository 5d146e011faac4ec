package dev.switchboard.gateway.security;

import java.util.function.Predicate;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/** Grants a request when its authentication is of a kind its {@link AccessPolicy} (or the admin rule) accepts. */
final class EdgeAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final AccessRules rules;

    EdgeAuthorizationManager(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        if (rules.isAdminEndpoint(request)) {
            return decide(authentication, auth -> auth instanceof EdgeAuthentication edge && edge.isAdmin());
        }
        AccessPolicy policy = rules.policyOf(request);
        if (policy == AccessPolicy.PUBLIC) {
            return Mono.just(new AuthorizationDecision(true));
        }
        return decide(authentication, auth -> (policy.acceptsApiKey() && auth instanceof EdgeAuthentication edge && !edge.isAdmin())
                || (policy.acceptsJwt() && auth instanceof JwtAuthenticationToken));
    }

    private static Mono<AuthorizationResult> decide(Mono<Authentication> authentication,
            Predicate<Authentication> accepted) {
        return authentication.filter(Authentication::isAuthenticated)
                .map(auth -> (AuthorizationResult) new AuthorizationDecision(accepted.test(auth)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
