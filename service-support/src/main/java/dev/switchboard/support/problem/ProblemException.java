package dev.switchboard.support.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be served, with the status, problem kind and detail its caller should see.
 * Services throw it (or a subclass naming their own failure) and the shared advice renders it.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatusCode status, String kind, String detail) {
        super(status, Problems.of(status, kind, detail), null);
    }

    /** Adds a header to the error response, for example {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        getHeaders().add(name, value);
        return this;
    }

    /** Adds an extension member to the problem body. */
    public ProblemException withProperty(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    @Override
    public HttpHeaders getHeaders() {
        return super.getHeaders();
    }
}
