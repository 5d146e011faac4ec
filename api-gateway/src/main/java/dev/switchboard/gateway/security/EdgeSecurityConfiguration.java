package dev.switchboard.gateway.security;

import dev.switchboard.gateway.web.ProblemWriter;
import java.time.Clock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * The gateway's authentication: API keys, JWT bearer tokens (when Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} configures a decoder) and the admin key for Actuator.
 * Stateless: no session, no CSRF token, no login form, no basic auth; every refusal is problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EdgeAuthProperties.class, GatewayAdminProperties.class, JwtCacheProperties.class })
class EdgeSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurityConfiguration.class);

    @Bean
    AccessRules edgeAccessRules(EdgeAuthProperties properties,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        return new AccessRules(properties, actuatorBasePath);
    }

    @Bean
    ApiKeyRegistry edgeApiKeys(EdgeAuthProperties properties) {
        return ApiKeyRegistry.from(properties);
    }

    /**
     * The API key check as the application's {@code ReactiveAuthenticationManager}; being a bean also keeps Boot
     * from creating its default user with a generated password.
     */
    @Bean
    KeyHeaderAuthenticationManager edgeApiKeyAuthenticationManager(ApiKeyRegistry apiKeys) {
        return KeyHeaderAuthenticationManager.forApiKeys(apiKeys);
    }

    @Bean
    CredentialStrippingFilter edgeCredentialStrippingFilter() {
        return new CredentialStrippingFilter();
    }

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http, AccessRules rules, ApiKeyRegistry apiKeys,
            KeyHeaderAuthenticationManager apiKeyManager, GatewayAdminProperties adminProperties,
            ProblemWriter problems, ObjectProvider<ReactiveJwtDecoder> jwtDecoder, JwtCacheProperties jwtCache,
            ObjectProvider<Clock> clock) {
        ApiKeyRegistry adminKeys = ApiKeyRegistry.ofAdminDigests(adminProperties.keySha256());
        var entryPoint = new EdgeAuthenticationEntryPoint(rules, !adminKeys.isEmpty(), problems);
        var accessDenied = new EdgeAccessDeniedHandler(rules, problems);
        ReactiveJwtDecoder bootDecoder = jwtDecoder.getIfAvailable();
        ReactiveJwtDecoder decoder = bootDecoder != null && jwtCache.enabled()
                ? new ValidatedJwtCache(bootDecoder, jwtCache, clock.getIfAvailable(Clock::systemUTC)) : bootDecoder;
        if (decoder == null && rules.needsJwt()) {
            throw new IllegalStateException("switchboard.gateway.auth rules ask for JWT bearer tokens but no JWT decoder is"
                    + " configured: set GATEWAY_JWT_ISSUER_URI or GATEWAY_JWK_SET_URI"
                    + " (spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri)");
        }
        if (apiKeys.size() == 0 && rules.needsApiKeys()) {
            log.warn("switchboard.gateway.auth rules ask for API keys but none is configured (GATEWAY_API_KEYS_SHA256):"
                    + " those routes refuse every request");
        }
        log.info("Edge authentication: {} API key(s), JWT {}, {} admin key(s)", apiKeys.size(),
                decoder != null ? "enabled" : "not configured", adminKeys.size());

        AuthenticationWebFilter adminFilter = new AuthenticationWebFilter(
                KeyHeaderAuthenticationManager.forAdminKeys(adminKeys));
        adminFilter.setServerAuthenticationConverter(KeyHeaderAuthenticationManager.converter(EdgeHeaders.ADMIN_KEY));
        adminFilter.setRequiresAuthenticationMatcher(
                exchange -> rules.isAdminEndpoint(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch());
        adminFilter.setAuthenticationFailureHandler((webFilterExchange, failure) -> problems.write(
                webFilterExchange.getExchange(), HttpStatus.FORBIDDEN, "forbidden", failure.getMessage()));
        adminFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(apiKeyManager);
        apiKeyFilter.setServerAuthenticationConverter(KeyHeaderAuthenticationManager.converter(EdgeHeaders.API_KEY));
        ServerWebExchangeMatcher notAdmin = exchange -> rules.isAdminEndpoint(exchange.getRequest())
                ? MatchResult.notMatch() : MatchResult.match();
        apiKeyFilter.setRequiresAuthenticationMatcher(notAdmin);
        apiKeyFilter.setAuthenticationFailureHandler(refuseOnlyWhereAccepted(rules, entryPoint, AccessPolicy::acceptsApiKey));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        http.securityMatcher(new EdgeSecurityMatcher(rules))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // A proxy does not rewrite its backends' responses: no Cache-Control (the response cache honours the
                // backends' own), X-Frame-Options or other hardening headers added to them; backends set their own.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterAt(adminFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new PrincipalForwardingFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new EdgeAuthorizationManager(rules)));
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(decoder))
                    .authenticationEntryPoint(entryPoint)
                    .authenticationFailureHandler(refuseOnlyWhereAccepted(rules, entryPoint, AccessPolicy::acceptsJwt))
                    .accessDeniedHandler(accessDenied));
        }
        return http.build();
    }

    /**
     * A refused API key or bearer token is answered 401 where that kind of credential is accepted; elsewhere the
     * request simply continues anonymous, so that a header meant for the backend (or a stale key) does not break a
     * public route. The route's own policy still decides whether an anonymous request may pass.
     */
    private static ServerAuthenticationFailureHandler refuseOnlyWhereAccepted(AccessRules rules,
            EdgeAuthenticationEntryPoint entryPoint, Predicate<AccessPolicy> accepts) {
        return (webFilterExchange, failure) -> accepts.test(rules.policyOf(webFilterExchange.getExchange().getRequest()))
                ? entryPoint.commence(webFilterExchange.getExchange(), failure)
                : webFilterExchange.getChain().filter(webFilterExchange.getExchange());
    }
}
