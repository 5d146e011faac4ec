package dev.switchboard.queue.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.queue.config.QueueProperties;
import dev.switchboard.queue.store.jdbc.JdbcQueueStore;
import dev.switchboard.queue.store.jdbc.SqlDialect;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared store: several queue replicas on one PostgreSQL. Consumers pick messages with
 * {@code FOR UPDATE SKIP LOCKED}, so two replicas never deliver the same ready message.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.queue.store", havingValue = "postgres")
class PostgresStoreConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource queueDataSource(QueueProperties properties) {
        QueueProperties.Postgres postgres = properties.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("queue-postgres");
        dataSource.setJdbcUrl(postgres.url());
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setSchema(postgres.schema());
        dataSource.setMaximumPoolSize(postgres.poolSize());
        return dataSource;
    }

    @Bean
    JdbcQueueStore jdbcQueueStore(HikariDataSource queueDataSource, QueueProperties properties, Clock clock) {
        Flyway.configure().dataSource(queueDataSource).locations("classpath:db/migration/postgres")
                .schemas(properties.postgres().schema()).load().migrate();
        return new JdbcQueueStore(new PostgresTransactions(queueDataSource), SqlDialect.postgres(),
                properties.storeDefaults(), clock);
    }
}
