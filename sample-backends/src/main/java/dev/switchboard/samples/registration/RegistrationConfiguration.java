package dev.switchboard.samples.registration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Eureka registration over REST, only when {@code EUREKA_REGISTER=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationProperties.class)
@ConditionalOnBooleanProperty("switchboard.sample.registration.enabled")
class RegistrationConfiguration {

    @Bean
    EurekaRegistrar eurekaRegistrar(RegistrationProperties properties, RestClient.Builder builder, Environment environment,
            HealthEndpoint healthEndpoint, ApplicationAvailability availability) {
        // HTTP/1.1 explicitly: the JDK client's default h2c upgrade attempt on plain http is not what a Python
        // backend sends, and some servers drop the body of an upgrade request.
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
        requestFactory.setReadTimeout(Duration.ofSeconds(5));
        String base = properties.eurekaUrl().toString();
        RestClient http = builder.clone()
                .baseUrl(base.endsWith("/") ? base : base + "/")
                .requestFactory(requestFactory)
                .build();
        return new EurekaRegistrar(new EurekaRestClient(http), properties, environment,
                () -> eurekaStatus(healthEndpoint.health().getStatus()), Clock.systemUTC(), availability);
    }

    /** Eureka knows UP, DOWN, STARTING, OUT_OF_SERVICE and UNKNOWN; Actuator's UNKNOWN is not healthy, so DOWN. */
    static String eurekaStatus(Status status) {
        if (Status.UP.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
            return status.getCode();
        }
        return "DOWN";
    }
}
