package dev.switchboard.gateway.cache;

import dev.switchboard.gateway.security.EdgeHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The rules of the cache: which requests may be answered from it, which responses may be kept and how long. */
final class ResponseCachePolicy {

    /** Request headers the key already includes, so a backend may vary on them. */
    private static final Set<String> KEYED_VARY_HEADERS = Set.of("accept", "accept-encoding");

    private final ResponseCacheProperties properties;
    private final List<PathPattern> paths;

    ResponseCachePolicy(ResponseCacheProperties properties) {
        this.properties = properties;
        this.paths = properties.paths().stream().map(path -> PathPatternParser.defaultInstance.parse(path.strip())).toList();
    }

    /** Whether the request is a GET on a cached route or path. */
    boolean covers(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || !HttpMethod.GET.equals(request.getMethod())) {
            return false;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && properties.routes().contains(route.getId())) {
            return true;
        }
        // A plain loop: this runs for every proxied GET, and most gateways list no paths at all.
        for (PathPattern pattern : paths) {
            if (pattern.matches(request.getPath().pathWithinApplication())) {
                return true;
            }
        }
        return false;
    }

    ResponseCacheKey keyOf(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String principal = "";
        if (properties.keyByPrincipal()) {
            Object attribute = exchange.getAttribute(EdgeHeaders.PRINCIPAL_ATTRIBUTE);
            principal = attribute != null ? attribute.toString() : "";
        }
        String query = request.getURI().getRawQuery();
        HttpHeaders headers = request.getHeaders();
        return new ResponseCacheKey(principal, request.getPath().value(), query != null ? query : "",
                String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT)),
                String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)));
    }

    /** What the client's own {@code Cache-Control} (and {@code Pragma}) ask of the cache. */
    CacheDirectives clientDirectives(ServerHttpRequest request) {
        CacheDirectives directives = CacheDirectives.parse(request.getHeaders().getOrEmpty(HttpHeaders.CACHE_CONTROL));
        boolean pragmaNoCache = request.getHeaders().getOrEmpty(HttpHeaders.PRAGMA).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("no-cache"));
        boolean zeroMaxAge = directives.maxAge().filter(Duration::isZero).isPresent();
        return pragmaNoCache || zeroMaxAge
                ? new CacheDirectives(directives.noStore(), true, directives.isPrivate(), directives.maxAge(), directives.sharedMaxAge())
                : directives;
    }

    /**
     * How long a backend response may be kept, or empty when it must not be: only 200s, never {@code no-store},
     * {@code private}, {@code no-cache}, a zero age, {@code Set-Cookie}, or a {@code Vary} on headers the key
     * does not hold.
     */
    Optional<Duration> storableFor(@Nullable HttpStatus status, HttpHeaders headers) {
        if (status != HttpStatus.OK || headers.containsHeader(HttpHeaders.SET_COOKIE) || !varyIsKeyed(headers)) {
            return Optional.empty();
        }
        CacheDirectives directives = CacheDirectives.parse(headers.getOrEmpty(HttpHeaders.CACHE_CONTROL));
        if (directives.noStore() || directives.isPrivate() || directives.noCache()) {
            return Optional.empty();
        }
        Duration ttl = directives.sharedFreshness().filter(age -> age.compareTo(properties.ttl()) < 0).orElse(properties.ttl());
        return ttl.isZero() ? Optional.empty() : Optional.of(ttl);
    }

    long maxEntryBytes() {
        return properties.maxEntrySize().toBytes();
    }

    private static boolean varyIsKeyed(HttpHeaders headers) {
        return headers.getOrEmpty(HttpHeaders.VARY).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .allMatch(KEYED_VARY_HEADERS::contains);
    }
}
