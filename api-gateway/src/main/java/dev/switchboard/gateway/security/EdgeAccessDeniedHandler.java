package dev.switchboard.gateway.security;

import dev.switchboard.gateway.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Answers an authenticated caller whose credential does not open this route: 403 problem+json. */
final class EdgeAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final AccessRules rules;
    private final ProblemWriter problems;

    EdgeAccessDeniedHandler(AccessRules rules, ProblemWriter problems) {
        this.rules = rules;
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (rules.isAdminEndpoint(exchange.getRequest())) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                    "This is an admin endpoint: it needs the admin key in the " + EdgeHeaders.ADMIN_KEY + " header");
        }
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "This route needs "
                + rules.policyOf(exchange.getRequest()).requirement() + "; the credential presented does not open it");
    }
}
