package dev.switchboard.resilience;

import dev.switchboard.resilience.internal.ResilienceInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The entry point: a {@link RestClient} per named client, with its base URL, connect and read timeouts, and
 * every attempt run through the client's circuit breaker and retry.
 *
 * <pre>{@code
 * RestClient vector = clients.get("vector");
 * Result r = vector.get().uri("/api/v1/search?query={q}", q).retrieve().body(Result.class);
 * vector.post().uri("/jobs").attributes(ResilientHttpClients.idempotent()).body(job).retrieve().toBodilessEntity();
 * }</pre>
 *
 * A call that finally fails throws {@link ResilientCallException}. Statuses that are not retried (a 404, a
 * 500) are ordinary responses and reach RestClient's usual status handling.
 */
public final class ResilientHttpClients implements AutoCloseable {

    /** Request attribute that marks a POST or PATCH as safe to retry (value {@code Boolean.TRUE}). */
    public static final String IDEMPOTENT_ATTRIBUTE = ResilientHttpClients.class.getName() + ".idempotent";

    private final ResiliencePolicies policies;

    private final CircuitBreakerRegistry circuitBreakers;

    private final RetryRegistry retries;

    private final Supplier<RestClient.Builder> builders;

    private final ClientHttpRequestFactoryBuilder<?> requestFactories;

    private final RetryAfter retryAfter;

    private final Sleeper sleeper;

    private final ExecutorService attemptExecutor = Executors.newCachedThreadPool(new AttemptThreads());

    private final ConcurrentMap<Key, ResilienceInterceptor> interceptors = new ConcurrentHashMap<>();

    private final ConcurrentMap<Key, RestClient> clients = new ConcurrentHashMap<>();

    public ResilientHttpClients(ResiliencePolicies policies, CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries, Supplier<RestClient.Builder> builders,
            ClientHttpRequestFactoryBuilder<?> requestFactories, Clock clock, Sleeper sleeper) {
        this.policies = policies;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.builders = builders;
        this.requestFactories = requestFactories;
        this.retryAfter = new RetryAfter(clock);
        this.sleeper = sleeper;
    }

    /** Adds {@link #IDEMPOTENT_ATTRIBUTE} to a request: {@code .attributes(ResilientHttpClients.idempotent())}. */
    public static Consumer<Map<String, Object>> idempotent() {
        return attributes -> attributes.put(IDEMPOTENT_ATTRIBUTE, Boolean.TRUE);
    }

    /** The client of this name (built once); unknown names get the defaults and no base URL. */
    public RestClient get(String name) {
        return get(name, name);
    }

    /**
     * A client with its own name (its own circuit breaker and retry, in metrics and in the endpoint) and the
     * settings of the client {@code settingsOf}. One breaker per remote instance keeps one dead instance from
     * cutting off the healthy ones: {@code clients.get("poll:" + instanceId, "poll")}. Clients sharing
     * {@code settingsOf} share its retry budget. Built once per pair.
     */
    public RestClient get(String name, String settingsOf) {
        return this.clients.computeIfAbsent(new Key(name, settingsOf), key -> builder(name, settingsOf).build());
    }

    /**
     * A new builder configured like {@link #get(String)}, for adding headers, converters or interceptors.
     * Interceptors added later run inside each attempt.
     */
    public RestClient.Builder builder(String name) {
        return builder(name, name);
    }

    /** A new builder configured like {@link #get(String, String)}. */
    public RestClient.Builder builder(String name, String settingsOf) {
        ClientSettings settings = this.policies.settings(settingsOf);
        RestClient.Builder builder = this.builders.get()
            .requestFactory(this.requestFactories
                .build(HttpClientSettings.defaults().withTimeouts(settings.connectTimeout(), settings.readTimeout())))
            .requestInterceptors(list -> list.add(0, interceptor(name, settingsOf)));
        if (settings.baseUrl() != null) {
            builder.baseUrl(settings.baseUrl());
        }
        return builder;
    }

    /** The resilience interceptor of a client, for a {@code RestClient.Builder} configured elsewhere. */
    public ClientHttpRequestInterceptor interceptor(String name) {
        return interceptor(name, name);
    }

    /** The resilience interceptor of a client named {@code name} with the settings of {@code settingsOf}. */
    public ClientHttpRequestInterceptor interceptor(String name, String settingsOf) {
        return this.interceptors.computeIfAbsent(new Key(name, settingsOf), this::createInterceptor);
    }

    /**
     * The circuit breaker of a client (registered in the shared {@link CircuitBreakerRegistry}); created with
     * the settings of that name if no client created it first.
     */
    public CircuitBreaker circuitBreaker(String name) {
        return circuitBreaker(name, name);
    }

    /** The retry of a client (registered in the shared {@link RetryRegistry}). */
    public Retry retry(String name) {
        return retry(name, name);
    }

    private CircuitBreaker circuitBreaker(String name, String settingsOf) {
        return this.circuitBreakers.circuitBreaker(name, this.policies.circuitBreakerConfig(settingsOf));
    }

    private Retry retry(String name, String settingsOf) {
        return this.retries.retry(name, this.policies.retryConfig(settingsOf));
    }

    private ResilienceInterceptor createInterceptor(Key key) {
        ClientSettings settings = this.policies.settings(key.settingsOf());
        TimeLimiter limiter = settings.attemptTimeout() == null ? null
                : TimeLimiter.of(key.name(), this.policies.timeLimiterConfig(key.settingsOf()));
        return new ResilienceInterceptor(key.name(), settings.retry().statuses(), retry(key.name(), key.settingsOf()),
                circuitBreaker(key.name(), key.settingsOf()), limiter, limiter == null ? null : this.attemptExecutor,
                this.retryAfter, this.sleeper);
    }

    private record Key(String name, String settingsOf) {
    }

    @Override
    public void close() {
        this.attemptExecutor.shutdownNow();
    }

    /** Daemon threads with a recognisable name, so an attempt never keeps the JVM alive. */
    private static final class AttemptThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "resilient-http-attempt-" + this.count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
