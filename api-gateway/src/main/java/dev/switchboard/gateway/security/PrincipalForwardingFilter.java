package dev.switchboard.gateway.security;

import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after authorization: records who the caller is ({@link EdgeHeaders#PRINCIPAL_ATTRIBUTE} for the rate
 * limiter and the cache, {@link EdgeHeaders#PRINCIPAL} for the backend) and drops a client-sent principal header
 * so it cannot be forged. The credentials themselves are removed later, by {@link CredentialStrippingFilter}.
 */
final class PrincipalForwardingFilter implements WebFilter {

    static final String API_KEY_PREFIX = "api-key:";
    static final String JWT_PREFIX = "jwt:";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(authentication -> Mono.justOrEmpty(principalOf(authentication)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> chain.filter(forward(exchange, principal)));
    }

    private static ServerWebExchange forward(ServerWebExchange exchange, Optional<String> principal) {
        if (principal.isEmpty() && !exchange.getRequest().getHeaders().containsHeader(EdgeHeaders.PRINCIPAL)) {
            // Anonymous and nothing forged: the common case on public routes needs no copy of the request.
            return exchange;
        }
        principal.ifPresent(name -> exchange.getAttributes().put(EdgeHeaders.PRINCIPAL_ATTRIBUTE, name));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(EdgeHeaders.PRINCIPAL);
            principal.ifPresent(name -> headers.set(EdgeHeaders.PRINCIPAL, name));
        }).build();
        return exchange.mutate().request(request).build();
    }

    static Optional<String> principalOf(Authentication authentication) {
        if (authentication instanceof EdgeAuthentication edge) {
            return Optional.of(edge.isAdmin() ? "admin" : API_KEY_PREFIX + edge.getName());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(JWT_PREFIX + jwt.getName());
        }
        return Optional.empty();
    }
}
