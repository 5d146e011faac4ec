package dev.switchboard.support.admin;

import dev.switchboard.support.problem.ProblemResponseWriter;
import dev.switchboard.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an admin operation through only with a valid {@value #HEADER}: 401 without one, 403 with a wrong one or
 * when no admin key is configured. The key itself is never logged or echoed.
 */
public class AdminCredentialFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Admin-Key";

    private final AdminOperations operations;
    private final AdminKeys keys;
    private final ProblemResponseWriter problemWriter;

    public AdminCredentialFilter(AdminOperations operations, AdminKeys keys, ProblemResponseWriter problemWriter) {
        this.operations = operations;
        this.keys = keys;
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!operations.isAdminOperation(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader(HEADER);
        if (keys.isEmpty()) {
            problemWriter.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "admin-disabled",
                    "Admin operations are disabled: no admin key is configured (switchboard.admin.key-sha256)"));
        }
        else if (presented == null || presented.isBlank()) {
            response.setHeader("WWW-Authenticate", HEADER);
            problemWriter.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "This is an admin operation: send the admin key in the " + HEADER + " header"));
        }
        else if (!keys.accepts(presented)) {
            problemWriter.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                    "The " + HEADER + " header does not hold a valid admin key"));
        }
        else {
            chain.doFilter(request, response);
        }
    }
}
