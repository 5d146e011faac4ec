package dev.switchboard.queue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests use: a Testcontainers one when a Docker engine is present, otherwise the machine's own
 * (127.0.0.1:5432, user postgres, database test). Neither reachable: the test is skipped, or fails when
 * {@code SWITCHBOARD_REQUIRE_SERVICES=true}. Every test run works in a schema of its own.
 */
final class PostgresTestDatabase {

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static volatile PostgresTestDatabase instance;

    final String url;
    final String user;
    final String password;

    private PostgresTestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database, or a skipped (or, when services are required, failed) test. */
    static synchronized PostgresTestDatabase require() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    /** A fresh schema name for one test run; the queue's migration creates it. */
    static String newSchema() {
        return "queue_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Drops a schema a test run created. */
    void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static PostgresTestDatabase locate() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new PostgresTestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try (Connection connection = DriverManager.getConnection(LOCAL_URL, "postgres", "")) {
            connection.isValid(2);
            return new PostgresTestDatabase(LOCAL_URL, "postgres", "");
        }
        catch (SQLException ex) {
            String why = "No Docker engine and no PostgreSQL at " + LOCAL_URL + ": " + ex.getMessage();
            if ("true".equals(System.getenv("SWITCHBOARD_REQUIRE_SERVICES"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
            throw new IllegalStateException(why);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }
}
