package dev.switchboard.queue.store.embedded;

import dev.switchboard.queue.config.QueueProperties;
import dev.switchboard.queue.store.jdbc.JdbcQueueStore;
import dev.switchboard.queue.store.jdbc.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default store: SQLite on local disk under {@code switchboard.queue.embedded.data-dir}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.queue.store", havingValue = "embedded", matchIfMissing = true)
class EmbeddedStoreConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedQueueDatabase(QueueProperties properties) {
        QueueProperties.Embedded embedded = properties.embedded();
        return EmbeddedDatabase.open(embedded.dataDir(), embedded.readPoolSize(), embedded.maxGroupCommit());
    }

    /** Exposed so that Actuator's database health check covers the store. */
    @Bean
    DataSource queueDataSource(EmbeddedDatabase database) {
        return database.readPool();
    }

    @Bean
    JdbcQueueStore jdbcQueueStore(EmbeddedDatabase database, QueueProperties properties, Clock clock) {
        return new JdbcQueueStore(database.writer(), SqlDialect.sqlite(), properties.storeDefaults(), clock);
    }
}
