package dev.switchboard.gateway.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names the client a request is charged to: {@code key:<api key>} when the configured header is present, else
 * {@code ip:<address>} (the peer address, or the first {@code X-Forwarded-For} entry when told to trust it).
 */
class ClientKeyResolver {

    /** API keys are echoed into Redis keys: bound their length so a client cannot make keys arbitrarily large. */
    private static final int MAX_KEY_LENGTH = 200;

    private final String keyHeader;
    private final boolean trustForwardedFor;

    ClientKeyResolver(String keyHeader, boolean trustForwardedFor) {
        this.keyHeader = keyHeader;
        this.trustForwardedFor = trustForwardedFor;
    }

    String resolve(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (StringUtils.hasText(keyHeader)) {
            String apiKey = headers.getFirst(keyHeader);
            if (StringUtils.hasText(apiKey)) {
                String trimmed = apiKey.strip();
                return "key:" + (trimmed.length() > MAX_KEY_LENGTH ? trimmed.substring(0, MAX_KEY_LENGTH) : trimmed);
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
