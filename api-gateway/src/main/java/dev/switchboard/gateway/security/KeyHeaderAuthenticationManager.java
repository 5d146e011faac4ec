package dev.switchboard.gateway.security;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/**
 * Checks a key taken from one request header: {@code X-API-Key} against the API keys, or {@code X-Admin-Key}
 * against the admin keys.
 */
final class KeyHeaderAuthenticationManager implements ReactiveAuthenticationManager {

    private final Function<String, Optional<EdgeAuthentication>> verifier;
    private final String refusal;

    private KeyHeaderAuthenticationManager(Function<String, Optional<EdgeAuthentication>> verifier, String refusal) {
        this.verifier = verifier;
        this.refusal = refusal;
    }

    static KeyHeaderAuthenticationManager forApiKeys(ApiKeyRegistry registry) {
        return new KeyHeaderAuthenticationManager(key -> registry.nameOf(key).map(EdgeAuthentication::apiKey),
                "The " + EdgeHeaders.API_KEY + " header does not hold a valid API key");
    }

    static KeyHeaderAuthenticationManager forAdminKeys(ApiKeyRegistry adminKeys) {
        return new KeyHeaderAuthenticationManager(key -> adminKeys.nameOf(key).map(name -> EdgeAuthentication.admin()),
                "The " + EdgeHeaders.ADMIN_KEY + " header does not hold a valid admin key");
    }

    /** Reads the key from {@code header}; a request without the header is left to the next filters. */
    static ServerAuthenticationConverter converter(String header) {
        return exchange -> {
            ServerHttpRequest request = exchange.getRequest();
            String key = request.getHeaders().getFirst(header);
            return key == null || key.isBlank() ? Mono.empty() : Mono.just(new PresentedKey(key.strip()));
        };
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof PresentedKey presented)) {
            return Mono.empty();
        }
        return verifier.apply(presented.key())
                .<Mono<Authentication>>map(Mono::just)
                .orElseGet(() -> Mono.error(new InvalidCredentialException(refusal)));
    }
}
