import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Compares the embedded engine candidates for the queue's embedded store with its settings: one insert per
 * commit (a lone publish) and 50 inserts per commit (group commit), on the local disk.
 * Run: java -cp sqlite-jdbc.jar:h2.jar EngineComparison.java [directory]
 */
public class EngineComparison {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "."), "engines");
        run("SQLite WAL synchronous=FULL", "jdbc:sqlite:" + dir.resolve("q.db") + "?journal_mode=WAL&synchronous=FULL",
                "CREATE TABLE m (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, payload TEXT NOT NULL, visible_at INTEGER NOT NULL)");
        run("SQLite WAL synchronous=NORMAL (not durable on power loss)", "jdbc:sqlite:" + dir.resolve("q2.db") + "?journal_mode=WAL&synchronous=NORMAL",
                "CREATE TABLE m (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, payload TEXT NOT NULL, visible_at INTEGER NOT NULL)");
        run("H2 2.4 file, WRITE_DELAY=0", "jdbc:h2:file:" + dir.resolve("h2") + ";WRITE_DELAY=0",
                "CREATE TABLE m (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, queue VARCHAR NOT NULL, payload VARCHAR NOT NULL, visible_at BIGINT NOT NULL)");
        run("H2 2.4 file, default WRITE_DELAY (commits written up to 0.5 s later)", "jdbc:h2:file:" + dir.resolve("h2b"),
                "CREATE TABLE m (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, queue VARCHAR NOT NULL, payload VARCHAR NOT NULL, visible_at BIGINT NOT NULL)");
    }

    static void run(String name, String url, String ddl) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            }
            connection.setAutoCommit(false);
            String payload = "{\"job\":\"" + "x".repeat(100) + "\"}";
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO m (queue, payload, visible_at) VALUES (?, ?, ?)")) {
                measure(connection, insert, payload, 300, 1); // warm-up
                double single = measure(connection, insert, payload, 2000, 1);
                double grouped = measure(connection, insert, payload, 20000, 50);
                System.out.printf("%-70s %,10.0f inserts/s one per commit %,10.0f inserts/s 50 per commit%n", name, single, grouped);
            }
        }
    }

    static double measure(Connection connection, PreparedStatement insert, String payload, int total, int perCommit) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            insert.setString(1, "bench");
            insert.setString(2, payload);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
            if ((i + 1) % perCommit == 0) {
                connection.commit();
            }
        }
        connection.commit();
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
