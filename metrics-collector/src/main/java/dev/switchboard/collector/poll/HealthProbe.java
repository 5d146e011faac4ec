package dev.switchboard.collector.poll;

import dev.switchboard.collector.target.Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The collector's only HTTP client for targets: polls a health endpoint and reads Actuator's Prometheus text.
 * Every call is bounded by the per-target timeout, so a slow target costs one worker for at most that long.
 */
public class HealthProbe {

    // A "status" member anywhere near the top of the body: Spring's {"status":"UP"}, FastAPI's {"status":"ok"}.
    private static final Pattern STATUS_MEMBER = Pattern.compile("\"status\"\\s*:\\s*\"([A-Za-z_ ]+)\"");
    private static final int MAX_ERROR_LENGTH = 300;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public HealthProbe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Polls the target's health endpoint once; never throws. */
    public Sample probe(Target target) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request(target.healthUrl()), HttpResponse.BodyHandlers.ofString());
            long millis = elapsedMillis(start);
            int code = response.statusCode();
            if (code < 200 || code > 299) {
                return sample(target, at, HealthStatus.DOWN, code, millis, "HTTP " + code + bodyHint(response.body()));
            }
            String reported = reportedStatus(response.body());
            if ("DOWN".equals(reported) || "OUT_OF_SERVICE".equals(reported)) {
                return sample(target, at, HealthStatus.DOWN, code, millis, "reports status " + reported);
            }
            HealthStatus status = "UNKNOWN".equals(reported) ? HealthStatus.UNKNOWN : HealthStatus.UP;
            return sample(target, at, status, code, millis, null);
        } catch (HttpTimeoutException e) {
            return sample(target, at, HealthStatus.DOWN, null, elapsedMillis(start),
                    "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return sample(target, at, HealthStatus.DOWN, null, elapsedMillis(start), describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sample(target, at, HealthStatus.UNKNOWN, null, elapsedMillis(start), "poll interrupted");
        } catch (RuntimeException e) {
            return sample(target, at, HealthStatus.DOWN, null, elapsedMillis(start), describe(e));
        }
    }

    /** Body of a text endpoint such as {@code /actuator/prometheus}, or empty when it does not answer 200. */
    public Optional<String> fetchText(URI url) {
        try {
            HttpResponse<String> response = http.send(request(url), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    }

    private static Sample sample(Target target, Instant at, HealthStatus status, @Nullable Integer httpStatus,
                                 long millis, @Nullable String error) {
        return new Sample(target.service(), target.instance(), at, status, httpStatus, millis, error, null);
    }

    static @Nullable String reportedStatus(@Nullable String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        Matcher matcher = STATUS_MEMBER.matcher(body.length() > 4096 ? body.substring(0, 4096) : body);
        return matcher.find() ? matcher.group(1).strip().toUpperCase(Locale.ROOT).replace(' ', '_') : null;
    }

    private static String bodyHint(@Nullable String body) {
        String reported = reportedStatus(body);
        return reported != null ? " (status " + reported + ")" : "";
    }

    private static String describe(Exception e) {
        // The JDK client's ConnectException often has no message of its own; its cause says what happened.
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage();
        }
        if (message == null && e instanceof ConnectException) {
            message = "could not connect (refused or unreachable)";
        }
        String text = e.getClass().getSimpleName() + (message != null ? ": " + message : "");
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
