package dev.switchboard.collector.events;

import dev.switchboard.collector.config.CollectorProperties;
import dev.switchboard.resilience.ResilientHttpClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Publishes status changes to the queue when {@code switchboard.collector.events.queue-url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${switchboard.collector.events.queue-url:}'.trim() != ''")
class EventsConfiguration {

    @Bean
    QueueEventPublisher queueEventPublisher(CollectorProperties properties, JsonMapper json,
                                            ResilientHttpClients clients, MeterRegistry meters) {
        CollectorProperties.Events events = properties.events();
        return new QueueEventPublisher(URI.create(events.queueUrl().strip()), events.queueName(),
                events.outboxCapacity(), events.retryInterval(), json, clients, meters);
    }
}
