package dev.switchboard.gateway.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which requests go through the edge security chain at all. A request that presents no credential and no principal
 * header, to a public path that is not an admin endpoint, has nothing to authenticate, refuse, forward or drop: it
 * skips the chain, which would only let it pass after a dozen reactive filter steps (the common case on public
 * routes, bench/api-gateway/RESULTS.md). Every other request is matched.
 */
final class EdgeSecurityMatcher implements ServerWebExchangeMatcher {

    /** Headers the chain reads (credentials) or rewrites (the principal a client might forge). */
    private static final List<String> SECURITY_HEADERS = List.of(EdgeHeaders.API_KEY, EdgeHeaders.ADMIN_KEY,
            HttpHeaders.AUTHORIZATION, EdgeHeaders.PRINCIPAL);

    private final AccessRules rules;

    EdgeSecurityMatcher(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return needsChain(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    boolean needsChain(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        for (String header : SECURITY_HEADERS) {
            if (headers.containsHeader(header)) {
                return true;
            }
        }
        return rules.policyOf(request) != AccessPolicy.PUBLIC || rules.isAdminEndpoint(request);
    }
}
