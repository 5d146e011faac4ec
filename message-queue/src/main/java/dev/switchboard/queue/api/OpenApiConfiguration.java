package dev.switchboard.queue.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the OpenAPI document springdoc generates from the controller at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI queueOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info().title("Switchboard message queue")
                .description("Durable HTTP work queue: at-least-once delivery, visibility timeouts, dead-letter queues, "
                        + "long polling. Errors are application/problem+json (RFC 9457).")
                .version(properties != null ? properties.getVersion() : "dev"));
    }
}
