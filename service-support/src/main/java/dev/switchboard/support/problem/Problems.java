package dev.switchboard.support.problem;

import dev.switchboard.support.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 bodies every Switchboard service answers with, so that {@code type} and
 * {@code title} are spelled the same way everywhere.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:switchboard:problem:";
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    /**
     * A problem of the given status. {@code kind} names the problem (it becomes the {@code type} URI
     * {@code urn:switchboard:problem:<kind>}), {@code detail} says what was wrong with this request.
     */
    public static ProblemDetail of(HttpStatusCode status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error " + status.value());
        return problem;
    }

    public static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind);
    }

    /**
     * Completes a problem for the request it answers: a {@code type} derived from the status when none was
     * set, the path as {@code instance} and the request id.
     */
    public static void enrich(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(type(kindOf(HttpStatus.valueOf(problem.getStatus()))));
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String requestId) {
            problem.setProperty("requestId", requestId);
        }
    }

    /** The problem kind for a status when the thrower named none: {@code 404} becomes {@code not-found}. */
    public static String kindOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name().toLowerCase().replace('_', '-') : "http-" + status.value();
    }
}
