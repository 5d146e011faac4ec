package dev.switchboard.queue.store.jdbc;

import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/** How a store runs its SQL: each {@link #write} is one transaction, committed durably before it returns. */
public interface TransactionRunner {

    /** Runs {@code work} in a transaction and returns its result once the transaction is durably committed. */
    <T> T write(Function<JdbcTemplate, T> work);

    /** Runs read-only {@code work}; it may see a slightly older committed state than a concurrent write. */
    <T> T read(Function<JdbcTemplate, T> work);
}
