package dev.switchboard.collector.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.collector.config.CollectorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The history: store, writer, maintenance and queries over one database. The database: one SQLite file in the data directory, in WAL mode so that the dashboard's reads do not
 * wait for the poller's writes. SQLite needs no server, so a fresh machine runs the collector as is.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    static final String FILE_NAME = "history.db";

    @Bean
    DataSource historyDataSource(CollectorProperties properties) {
        Path dir = properties.history().dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the collector's data directory " + dir, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve(FILE_NAME));
        // A small pool: opening a SQLite connection re-reads the schema, and SQLite serialises writers anyway.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("history");
        pool.setMaximumPoolSize(4);
        return new HikariDataSource(pool);
    }

    @Bean
    HistoryStore historyStore(DataSource historyDataSource) {
        return new HistoryStore(historyDataSource);
    }

    @Bean
    HistoryWriter historyWriter(HistoryStore store, CollectorProperties properties, MeterRegistry meters) {
        return new HistoryWriter(store, properties.history().bufferCapacity(), meters);
    }

    @Bean
    HistoryMaintenance historyMaintenance(HistoryStore store, CollectorProperties properties, Clock clock) {
        CollectorProperties.History history = properties.history();
        // A minute is complete once its slowest poll has timed out and been flushed.
        Duration grace = properties.timeout().plus(HistoryWriter.FLUSH_INTERVAL).plusSeconds(1);
        return new HistoryMaintenance(store, clock, grace, history.rawRetention(), history.aggregateRetention(),
                history.retentionInterval());
    }

    @Bean
    HistoryQueries historyQueries(DataSource historyDataSource, CollectorProperties properties) {
        return new HistoryQueries(historyDataSource, properties.history().rawRetention(),
                properties.history().exactRangeLimit());
    }
}
