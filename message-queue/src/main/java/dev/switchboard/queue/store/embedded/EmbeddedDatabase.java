package dev.switchboard.queue.store.embedded;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store's SQLite database file: WAL journal with {@code synchronous=FULL}, so a commit is on disk
 * (fsynced) when it returns and survives {@code kill -9} and power loss; migrated by Flyway on open.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String FILE_NAME = "queue.db";

    private final HikariDataSource readPool;
    private final GroupCommitWriter writer;

    private EmbeddedDatabase(HikariDataSource readPool, GroupCommitWriter writer) {
        this.readPool = readPool;
        this.writer = writer;
    }

    static EmbeddedDatabase open(Path dataDir, int readPoolSize, int maxGroupSize) {
        try {
            Files.createDirectories(dataDir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the queue data directory " + dataDir.toAbsolutePath(), ex);
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(durableConfig());
        sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath());
        HikariDataSource readPool = new HikariDataSource();
        readPool.setPoolName("queue-sqlite");
        readPool.setDataSource(sqlite);
        readPool.setMaximumPoolSize(readPoolSize);
        try {
            Flyway.configure().dataSource(readPool).locations("classpath:db/migration/sqlite").load().migrate();
            return new EmbeddedDatabase(readPool, new GroupCommitWriter(sqlite.getConnection(), readPool, maxGroupSize));
        }
        catch (SQLException | RuntimeException ex) {
            readPool.close();
            throw new IllegalStateException("Cannot open the embedded queue store in " + dataDir.toAbsolutePath(), ex);
        }
    }

    private static SQLiteConfig durableConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        return config;
    }

    HikariDataSource readPool() {
        return readPool;
    }

    GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public void close() throws Exception {
        writer.close();
        readPool.close();
    }
}
