package dev.switchboard.queue.store.postgres;

import dev.switchboard.queue.store.jdbc.TransactionRunner;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One PostgreSQL transaction per write, on a pooled connection; PostgreSQL commits durably by default. */
final class PostgresTransactions implements TransactionRunner {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    PostgresTransactions(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public <T> T write(Function<JdbcTemplate, T> work) {
        return transactions.execute(status -> work.apply(jdbc));
    }

    @Override
    public <T> T read(Function<JdbcTemplate, T> work) {
        return work.apply(jdbc);
    }
}
