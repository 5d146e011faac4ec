package dev.switchboard.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A key read from a request header, not yet checked. Its {@code toString} never shows the key. */
final class PresentedKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedKey(String key) {
        super(List.of());
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "unverified key";
    }

    @Override
    public String toString() {
        return "PresentedKey[redacted]";
    }
}
