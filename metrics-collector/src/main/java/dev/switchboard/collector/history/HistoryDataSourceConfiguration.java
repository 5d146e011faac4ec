package dev.switchboard.collector.history;

import dev.switchboard.collector.config.CollectorProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The history database: one SQLite file in the data directory, in WAL mode so that the dashboard's reads do not
 * wait for the poller's writes. SQLite needs no server, so a fresh machine runs the collector as is.
 */
@Configuration(proxyBeanMethods = false)
class HistoryDataSourceConfiguration {

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
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve(FILE_NAME));
        return dataSource;
    }
}
