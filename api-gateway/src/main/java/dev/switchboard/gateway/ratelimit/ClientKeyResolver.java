package dev.switchboard.gateway.ratelimit;

import dev.switchboard.gateway.security.EdgeHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names the client a request is charged to: the caller the edge authentication established
 * ({@code principal:api-key:<name>} or {@code principal:jwt:<subject>}), else a digest of the configured key header's
 * value ({@code key:<sha-256>}: keys never reach logs or Redis), else {@code ip:<address>} (the peer address, or the
 * first {@code X-Forwarded-For} entry when told to trust it).
 */
class ClientKeyResolver {


    private final String keyHeader;
    private final boolean trustForwardedFor;

    ClientKeyResolver(String keyHeader, boolean trustForwardedFor) {
        this.keyHeader = keyHeader;
        this.trustForwardedFor = trustForwardedFor;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    String resolve(ServerWebExchange exchange) {
        if (exchange.getAttribute(EdgeHeaders.PRINCIPAL_ATTRIBUTE) instanceof String principal && !principal.isBlank()) {
            return "principal:" + principal;
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (StringUtils.hasText(keyHeader)) {
            String apiKey = headers.getFirst(keyHeader);
            if (StringUtils.hasText(apiKey)) {
                return "key:" + sha256(apiKey.strip());
            }
        }
        if (trustForwardedFor) {
            String forwarded = headers.getFirst("X-Forwarded-For");
            if (StringUtils.hasText(forwarded)) {
                return "ip:" + forwarded.split(",")[0].strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
