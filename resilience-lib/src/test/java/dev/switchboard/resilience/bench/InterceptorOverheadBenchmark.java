package dev.switchboard.resilience.bench;

import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilienceProperties;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.resilience.Sleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The library's own cost, without a network: the same RestClient call against an in-memory request factory
 * that answers at once, bare and through the resilience interceptor. The difference is what the library adds
 * to every call, independent of how fast the remote is.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptorOverheadBenchmark {

    private static final byte[] BODY = "{\"status\":\"UP\",\"service\":\"vector-api\",\"ok\":true}\n"
        .getBytes(StandardCharsets.UTF_8);

    private RestClient bare;

    private RestClient resilient;

    @Setup
    public void build() {
        ClientHttpRequestFactory inMemory = (uri, method) -> {
            MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
            request.setResponse(new MockClientHttpResponse(BODY, HttpStatus.OK));
            return request;
        };
        this.bare = RestClient.builder().requestFactory(inMemory).baseUrl("http://in-memory").build();
        ResilientHttpClients clients = new ResilientHttpClients(
                new ResiliencePolicies(new ResilienceProperties(null, Map.of())), CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), RestClient::builder, ClientHttpRequestFactoryBuilder.jdk(),
                Clock.systemUTC(), Sleeper.threadSleep());
        this.resilient = clients.builder("plain").requestFactory(inMemory).baseUrl("http://in-memory").build();
    }

    @Benchmark
    public String bareRestClient() {
        return this.bare.get().uri("/health").retrieve().body(String.class);
    }

    @Benchmark
    public String resilientClient() {
        return this.resilient.get().uri("/health").retrieve().body(String.class);
    }
}
