package dev.switchboard.resilience.bench;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilienceProperties;
import dev.switchboard.resilience.ResilienceProperties.ClientProperties;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.resilience.Sleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * One GET of a 52-byte JSON body from a local JDK HTTP server: a bare RestClient against the same call
 * through the library (breaker + retry, no retry needed), and through the library with an attempt timeout
 * (TimeLimiter, which moves the attempt to another thread). Same JDK HTTP client settings on every side.
 */
@State(Scope.Benchmark)
// Without TCP_NODELAY the JDK server's header and body writes meet delayed ACKs: every call would take ~40 ms.
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m", "-Dsun.net.httpserver.nodelay=true" })
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResilientClientBenchmark {

    private static final byte[] BODY = "{\"status\":\"UP\",\"service\":\"vector-api\",\"ok\":true}\n"
        .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;

    private ExecutorService serverThreads;

    private ResilientHttpClients clients;

    private RestClient bare;

    private RestClient resilient;

    private RestClient resilientWithAttemptTimeout;

    @Setup
    public void start() throws Exception {
        this.serverThreads = Executors.newFixedThreadPool(2);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        this.server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
            exchange.close();
        });
        this.server.setExecutor(this.serverThreads);
        this.server.start();
        URI base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());

        Duration connect = Duration.ofSeconds(2);
        Duration read = Duration.ofSeconds(10);
        this.bare = RestClient.builder()
            .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults().withTimeouts(connect, read)))
            .baseUrl(base)
            .build();

        ResilienceProperties properties = new ResilienceProperties(
                new ClientProperties(base, connect, read, null, null, null),
                Map.of("limited", new ClientProperties(null, null, null, Duration.ofSeconds(5), null, null)));
        this.clients = new ResilientHttpClients(new ResiliencePolicies(properties), CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), RestClient::builder, ClientHttpRequestFactoryBuilder.jdk(),
                Clock.systemUTC(), Sleeper.threadSleep());
        this.resilient = this.clients.get("plain");
        this.resilientWithAttemptTimeout = this.clients.get("limited");
    }

    @TearDown
    public void stop() {
        this.clients.close();
        this.server.stop(0);
        this.serverThreads.shutdownNow();
    }

    @Benchmark
    public String bareRestClient() {
        return this.bare.get().uri("/health").retrieve().body(String.class);
    }

    @Benchmark
    public String resilientClient() {
        return this.resilient.get().uri("/health").retrieve().body(String.class);
    }

    @Benchmark
    public String resilientClientWithAttemptTimeout() {
        return this.resilientWithAttemptTimeout.get().uri("/health").retrieve().body(String.class);
    }
}
