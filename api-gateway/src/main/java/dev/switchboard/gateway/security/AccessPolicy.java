package dev.switchboard.gateway.security;

/** What a request must present to pass the gateway. */
public enum AccessPolicy {

    /** Anyone. */
    PUBLIC("nothing"),

    /** A configured API key in {@code X-API-Key}. */
    API_KEY("an API key in the X-API-Key header"),

    /** A bearer token signed by the configured issuer. */
    JWT("a bearer token in the Authorization header"),

    /** Either of the two above. */
    API_KEY_OR_JWT("an API key in the X-API-Key header or a bearer token in the Authorization header");

    private final String requirement;

    AccessPolicy(String requirement) {
        this.requirement = requirement;
    }

    /** What the caller has to send, in words fit for a problem's {@code detail}. */
    public String requirement() {
        return requirement;
    }

    boolean acceptsApiKey() {
        return this == API_KEY || this == API_KEY_OR_JWT;
    }

    boolean acceptsJwt() {
        return this == JWT || this == API_KEY_OR_JWT;
    }
}
