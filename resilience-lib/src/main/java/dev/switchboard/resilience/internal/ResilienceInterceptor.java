package dev.switchboard.resilience.internal;

import dev.switchboard.resilience.HttpStatusFailure;
import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilientCallException;
import dev.switchboard.resilience.ResilientCallException.Reason;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.resilience.RetryAfter;
import dev.switchboard.resilience.Sleeper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Runs each attempt of a {@code RestClient} call through the client's circuit breaker (and time limiter,
 * when an attempt timeout is set), and retries with the client's {@link Retry}. Spring Framework 7 lets an
 * interceptor execute the rest of the chain more than once, with the buffered body, which is what makes a
 * retry here a real new request.
 * <p>
 * The waits come from resilience4j's {@link Retry.AsyncContext}, which only computes them (and publishes
 * retry events and metrics); the waiting itself is done by the injected {@link Sleeper}.
 */
public final class ResilienceInterceptor implements ClientHttpRequestInterceptor {

    private static final Object ABANDONED = new Object();

    private final String client;

    private final Set<Integer> retryStatuses;

    private final Retry retry;

    private final CircuitBreaker circuitBreaker;

    private final @Nullable TimeLimiter timeLimiter;

    private final @Nullable ExecutorService attemptExecutor;

    private final RetryAfter retryAfter;

    private final Sleeper sleeper;

    public ResilienceInterceptor(String client, Set<Integer> retryStatuses, Retry retry, CircuitBreaker circuitBreaker,
            @Nullable TimeLimiter timeLimiter, @Nullable ExecutorService attemptExecutor, RetryAfter retryAfter,
            Sleeper sleeper) {
        this.client = client;
        this.retryStatuses = retryStatuses;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.attemptExecutor = attemptExecutor;
        this.retryAfter = retryAfter;
        this.sleeper = sleeper;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Retry.@Nullable AsyncContext<Object> retryContext = mayRetry(request) ? this.retry.asyncContext() : null;
        int attempts = 0;
        @Nullable Integer lastStatus = null;
        while (true) {
            Throwable failure;
            @Nullable Integer status = null;
            try {
                this.circuitBreaker.acquirePermission();
            }
            catch (CallNotPermittedException refused) {
                if (retryContext != null) {
                    // Not retryable: lets the retry record the call as failed in its metrics.
                    retryContext.onError(refused);
                }
                throw new ResilientCallException(this.client, Reason.CIRCUIT_OPEN, attempts, lastStatus, refused);
            }
            attempts++;
            long start = this.circuitBreaker.getCurrentTimestamp();
            try {
                ClientHttpResponse response = attempt(request, body, execution);
                status = response.getStatusCode().value();
                lastStatus = status;
                long duration = this.circuitBreaker.getCurrentTimestamp() - start;
                if (status >= 500) {
                    this.circuitBreaker.onError(duration, this.circuitBreaker.getTimestampUnit(),
                            new HttpStatusFailure(status, null));
                }
                else if (this.retryStatuses.contains(status)) {
                    // A retried 4xx (429) says "slow down", not "broken": neither failure nor success.
                    this.circuitBreaker.releasePermission();
                }
                else {
                    this.circuitBreaker.onSuccess(duration, this.circuitBreaker.getTimestampUnit());
                }
                if (!this.retryStatuses.contains(status)) {
                    if (retryContext != null) {
                        retryContext.onResult(response);
                        retryContext.onComplete();
                    }
                    return response;
                }
                failure = new HttpStatusFailure(status,
                        this.retryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).orElse(null));
                response.close();
            }
            catch (IOException | RuntimeException ex) {
                this.circuitBreaker.onError(this.circuitBreaker.getCurrentTimestamp() - start,
                        this.circuitBreaker.getTimestampUnit(), ex);
                failure = ex;
                lastStatus = null;
            }
            long wait = retryContext == null ? -1 : retryContext.onError(failure);
            if (wait < 0) {
                throw new ResilientCallException(this.client, Reason.REMOTE_FAILURE, attempts, status,
                        failure instanceof HttpStatusFailure ? null : failure);
            }
            pause(Duration.ofMillis(wait), attempts, status, failure);
        }
    }

    private boolean mayRetry(HttpRequest request) {
        boolean marked = request.getHeaders().containsHeader(ResiliencePolicies.IDEMPOTENCY_KEY_HEADER)
                || Boolean.TRUE.equals(request.getAttributes().get(ResilientHttpClients.IDEMPOTENT_ATTRIBUTE));
        return ResiliencePolicies.mayRetry(request.getMethod().name(), marked);
    }

    private ClientHttpResponse attempt(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        TimeLimiter limiter = this.timeLimiter;
        ExecutorService executor = this.attemptExecutor;
        if (limiter == null || executor == null) {
            return execution.execute(request, body);
        }
        // An attempt that completes after its timeout must not leak its response (and connection): whichever
        // side comes second closes it.
        AtomicReference<@Nullable Object> handOff = new AtomicReference<>();
        Callable<ClientHttpResponse> task = () -> {
            ClientHttpResponse response = execution.execute(request, body);
            if (!handOff.compareAndSet(null, response)) {
                response.close();
            }
            return response;
        };
        try {
            return limiter.executeFutureSupplier(() -> executor.submit(task));
        }
        catch (ExecutionException ex) {
            throw rethrow(ex.getCause() != null ? ex.getCause() : ex);
        }
        catch (InterruptedException ex) {
            abandon(handOff);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for an attempt", ex);
        }
        catch (Exception ex) {
            abandon(handOff);
            throw rethrow(ex);
        }
    }

    private static void abandon(AtomicReference<@Nullable Object> handOff) {
        if (handOff.getAndSet(ABANDONED) instanceof ClientHttpResponse late) {
            late.close();
        }
    }

    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        // TimeoutException and other checked failures: keep the type in the cause chain for retry matching.
        return new IOException(failure.getMessage(), failure);
    }

    private void pause(Duration wait, int attempts, @Nullable Integer status, Throwable failure) {
        try {
            this.sleeper.sleep(wait);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            ResilientCallException interrupted = new ResilientCallException(this.client, Reason.REMOTE_FAILURE,
                    attempts, status, failure instanceof HttpStatusFailure ? null : failure);
            interrupted.addSuppressed(ex);
            throw interrupted;
        }
    }
}
