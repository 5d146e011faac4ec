package dev.switchboard.queue;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the PostgreSQL store, in a schema of this run's own. */
class PostgresQueueContractIT extends QueueContractIT {

    private static final String SCHEMA = PostgresTestDatabase.newSchema();

    @BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.require();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        PostgresTestDatabase.require().dropSchema(SCHEMA);
    }

    @DynamicPropertySource
    static void postgresStore(DynamicPropertyRegistry registry) {
        registry.add("switchboard.queue.store", () -> "postgres");
        registry.add("switchboard.queue.postgres.url", () -> PostgresTestDatabase.require().url);
        registry.add("switchboard.queue.postgres.user", () -> PostgresTestDatabase.require().user);
        registry.add("switchboard.queue.postgres.password", () -> PostgresTestDatabase.require().password);
        registry.add("switchboard.queue.postgres.schema", () -> SCHEMA);
    }
}
