package dev.switchboard.gateway.security;

/** Header and attribute names of the edge policies. */
public final class EdgeHeaders {

    /** The API key header. It is removed before a request is forwarded: backends never see gateway keys. */
    public static final String API_KEY = "X-API-Key";

    /** The admin key header, the same one the servlet services read. */
    public static final String ADMIN_KEY = "X-Admin-Key";

    /**
     * The authenticated caller, sent to the backend ({@code api-key:<name>} or {@code jwt:<subject>}); a value
     * sent by the client is dropped, so backends can trust it.
     */
    public static final String PRINCIPAL = "X-Authenticated-Principal";

    /**
     * Exchange attribute holding the authenticated caller as {@code api-key:<name>} or {@code jwt:<subject>};
     * absent for anonymous requests. Rate limiter key resolvers and the response cache read it.
     */
    public static final String PRINCIPAL_ATTRIBUTE = "switchboard.gateway.principal";

    private EdgeHeaders() {
    }
}
