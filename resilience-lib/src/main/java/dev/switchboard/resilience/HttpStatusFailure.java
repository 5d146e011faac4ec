package dev.switchboard.resilience;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signals, inside a resilience4j pipeline, that an attempt ended with an HTTP status the policy treats as a
 * failure. Callers that are not built on {@code RestClient} (a WebClient or gateway filter) throw it from
 * their attempt so that the {@link io.github.resilience4j.retry.RetryConfig} from {@link ResiliencePolicies}
 * retries it and honours its {@code Retry-After}.
 */
public final class HttpStatusFailure extends RuntimeException {

    private final int status;

    private final @Nullable Duration retryAfter;

    public HttpStatusFailure(int status, @Nullable Duration retryAfter) {
        // No stack trace: this is a control-flow signal created once per failed attempt.
        super("HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"), null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The response status. */
    public int status() {
        return this.status;
    }

    /** The wait the server asked for with {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(this.retryAfter);
    }
}
