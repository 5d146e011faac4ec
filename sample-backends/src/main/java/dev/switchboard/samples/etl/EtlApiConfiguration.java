package dev.switchboard.samples.etl;

import dev.switchboard.resilience.ClientSettings;
import dev.switchboard.resilience.ResiliencePolicies;
import dev.switchboard.resilience.ResilientHttpClients;
import dev.switchboard.samples.etl.queue.QueueClient;
import dev.switchboard.samples.etl.queue.MessageTracing;
import dev.switchboard.samples.etl.queue.QueueDispatcher;
import dev.switchboard.samples.etl.queue.QueueWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The etl-api role's beans, created only when its profile is active (its controller carries the same profile).
 * Jobs run in process, or, when {@code QUEUE_URL} is set, travel through the message queue's {@code etl} queue.
 */
@Configuration(proxyBeanMethods = false)
@Profile("etl-api")
@EnableConfigurationProperties(EtlProperties.class)
class EtlApiConfiguration {

    static final String QUEUE_MODE = "'${switchboard.sample.etl.queue-url:}'.trim() != ''";

    @Bean
    JobRepository jobRepository(EtlProperties properties) {
        return new JobRepository(properties.retainedJobs());
    }

    @Bean
    EtlEngine etlEngine() {
        return new EtlEngine();
    }

    @Bean
    JobRunner jobRunner(JobRepository repository, EtlEngine engine, MeterRegistry meters, Tracer tracer) {
        return new JobRunner(repository, engine, Clock.systemUTC(), meters, tracer);
    }

    @Bean
    EtlJobService etlJobService(JobRepository repository, JobDispatcher dispatcher) {
        return new EtlJobService(repository, dispatcher, Clock.systemUTC());
    }

    // Nested configurations are also found by component scanning on their own, so they repeat the role's profile.
    @Configuration(proxyBeanMethods = false)
    @Profile("etl-api")
    @ConditionalOnExpression("!(" + QUEUE_MODE + ")")
    static class InProcessMode {

        @Bean
        InProcessDispatcher inProcessDispatcher(JobRunner runner, EtlProperties properties) {
            return new InProcessDispatcher(runner, properties.workers(), properties.backlog());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("etl-api")
    @ConditionalOnExpression(QUEUE_MODE)
    static class QueueMode {

        /**
         * The queue calls go through resilience-lib's clients {@code queue} (publish, ack) and {@code queue-consumer}
         * (long polls), each with its own retry, circuit breaker and timeouts (settings under
         * {@code switchboard.resilience.clients.<name>}), on HTTP clients of our own: HTTP/1.1, because the JDK
         * client's h2c upgrade attempt on plain http can lose request bodies on some servers.
         */
        @Bean
        QueueClient queueClient(EtlProperties properties, RestClient.Builder builder, ResilientHttpClients resilience,
                ResiliencePolicies policies, JsonMapper json) {
            ClientSettings calls = policies.settings(QueueClient.CLIENT_NAME);
            ClientSettings polls = policies.settings(QueueClient.CONSUMER_CLIENT_NAME);
            // A long poll legitimately takes the whole wait; only a server silent for longer than that has failed.
            Duration pollReadTimeout = max(polls.readTimeout(), properties.pollWait().plusSeconds(10));
            return new QueueClient(
                    queueHttp(builder, properties, resilience, QueueClient.CLIENT_NAME, calls.connectTimeout(),
                            calls.readTimeout()),
                    queueHttp(builder, properties, resilience, QueueClient.CONSUMER_CLIENT_NAME, polls.connectTimeout(),
                            pollReadTimeout),
                    json);
        }

        private static RestClient queueHttp(RestClient.Builder builder, EtlProperties properties,
                ResilientHttpClients resilience, String clientName, Duration connectTimeout, Duration readTimeout) {
            var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .build());
            requestFactory.setReadTimeout(readTimeout);
            return builder.clone()
                    .baseUrl(properties.queueUrl().strip())
                    .requestFactory(requestFactory)
                    // First, so that every other interceptor (tracing, metrics) runs inside each attempt.
                    .requestInterceptors(interceptors -> interceptors.add(0, resilience.interceptor(clientName)))
                    .build();
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        @Bean
        QueueDispatcher queueDispatcher(QueueClient queue, EtlProperties properties) {
            return new QueueDispatcher(queue, properties.queueName());
        }

        @Bean
        QueueWorker queueWorker(QueueClient queue, EtlProperties properties, JobRepository repository, JobRunner runner,
                EtlEngine engine, JsonMapper json, Tracer tracer, Propagator propagator) {
            return new QueueWorker(queue, properties.queueName(), properties.pollWait(), properties.consumers(),
                    repository, runner, engine, json, new MessageTracing(tracer, propagator));
        }
    }
}
