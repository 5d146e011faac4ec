package dev.switchboard.queue.config;

import dev.switchboard.queue.metrics.MeteredQueueStore;
import dev.switchboard.queue.metrics.QueueMetrics;
import dev.switchboard.queue.store.QueueStore;
import dev.switchboard.queue.store.jdbc.JdbcQueueStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Wires the configured store behind the metrics decorator the rest of the service uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
class QueueConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    QueueStore queueStore(JdbcQueueStore jdbcQueueStore, QueueMetrics metrics) {
        return new MeteredQueueStore(jdbcQueueStore, metrics);
    }
}
