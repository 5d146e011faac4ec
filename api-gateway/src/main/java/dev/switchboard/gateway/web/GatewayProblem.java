package dev.switchboard.gateway.web;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error the gateway answers itself, rendered as RFC 9457 problem+json by {@link ProblemWebFilter}: the
 * reactive twin of service-support's {@code ProblemException}. {@code kind} becomes the type
 * {@code urn:switchboard:problem:<kind>}.
 */
public class GatewayProblem extends RuntimeException {

    private final HttpStatusCode status;
    private final String kind;
    private final HttpHeaders headers = new HttpHeaders();
    private final Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public GatewayProblem(HttpStatusCode status, String kind, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
    }

    public GatewayProblem withHeader(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public GatewayProblem withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The problem kind for a status when the thrower named none: {@code 404} becomes {@code not-found}. */
    public static String kindOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "http-" + status.value();
    }
}
