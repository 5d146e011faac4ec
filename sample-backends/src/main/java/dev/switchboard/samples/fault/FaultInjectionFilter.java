package dev.switchboard.samples.fault;

import dev.switchboard.support.problem.ProblemResponseWriter;
import dev.switchboard.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the injected faults to API requests (it is registered for {@code /api/*} only, so health checks, metrics
 * and {@code /admin/faults} itself stay reachable). An injected error is a problem+json of kind
 * {@code injected-fault}, so that a caller can tell it from a real failure.
 */
class FaultInjectionFilter extends OncePerRequestFilter {

    private final FaultInjector injector;
    private final ProblemResponseWriter problemWriter;

    FaultInjectionFilter(FaultInjector injector, ProblemResponseWriter problemWriter) {
        this.injector = injector;
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status;
        try {
            status = injector.beforeRequest();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while injecting latency", ex);
        }
        if (status == 0) {
            chain.doFilter(request, response);
            return;
        }
        problemWriter.write(request, response, Problems.of(HttpStatusCode.valueOf(status), "injected-fault",
                "Failed on purpose: this instance injects errors into " + percent(injector.current().errorRate())
                        + " of API requests (see /admin/faults)"));
    }

    private static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + "%";
    }
}
