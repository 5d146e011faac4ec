package dev.switchboard.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A caller authenticated by a key header: an API key (principal = the key's name) or the admin key. It never
 * holds the key itself.
 */
public final class EdgeAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN_AUTHORITY = "SWITCHBOARD_ADMIN";

    private final String name;
    private final boolean admin;

    private EdgeAuthentication(String name, boolean admin) {
        super(admin ? AuthorityUtils.createAuthorityList(ADMIN_AUTHORITY) : List.of());
        this.name = name;
        this.admin = admin;
        setAuthenticated(true);
    }

    static EdgeAuthentication apiKey(String keyName) {
        return new EdgeAuthentication(keyName, false);
    }

    static EdgeAuthentication admin() {
        return new EdgeAuthentication("admin", true);
    }

    public boolean isAdmin() {
        return admin;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}
