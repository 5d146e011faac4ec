package dev.switchboard.queue.store.embedded;

import dev.switchboard.queue.store.jdbc.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs the embedded store's write transactions on one connection and one thread, committing every write that
 * arrived while the previous commit was syncing in the same transaction (group commit). SQLite allows one writer
 * at a time and each durable commit costs an fsync (~0.4 ms here), so one commit per request would cap the
 * store at ~2,500 writes/s; a group of writes shares one fsync. Each write runs inside its own savepoint, so a
 * failing write rolls back alone, and every caller returns only after the commit that holds its write.
 */
final class GroupCommitWriter implements TransactionRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final BlockingQueue<Task<?>> pending = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final JdbcTemplate writeJdbc;
    private final JdbcTemplate readJdbc;
    private final int maxGroupSize;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitWriter(Connection connection, DataSource readPool, int maxGroupSize) throws SQLException {
        this.connection = connection;
        this.maxGroupSize = maxGroupSize;
        connection.setAutoCommit(false);
        this.writeJdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.readJdbc = new JdbcTemplate(readPool);
        this.thread = new Thread(this::run, "queue-group-commit");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public <T> T write(Function<JdbcTemplate, T> work) {
        Task<T> task = new Task<>(work);
        if (!running) {
            throw new IllegalStateException("The embedded queue store is closed");
        }
        pending.add(task);
        try {
            return task.future.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    @Override
    public <T> T read(Function<JdbcTemplate, T> work) {
        return work.apply(readJdbc);
    }

    private void run() {
        List<Task<?>> group = new ArrayList<>(maxGroupSize);
        while (running || !pending.isEmpty()) {
            try {
                Task<?> first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, maxGroupSize - 1);
                commit(group);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (RuntimeException | Error ex) {
                log.error("Group commit failed unexpectedly", ex);
                group.forEach(task -> task.future.completeExceptionally(ex));
            }
            finally {
                group.clear();
            }
        }
        Task<?> left;
        while ((left = pending.poll()) != null) {
            left.future.completeExceptionally(new IllegalStateException("The embedded queue store is closed"));
        }
    }

    private void commit(List<Task<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        for (Task<?> task : group) {
            results.add(runInSavepoint(task));
        }
        try {
            connection.commit();
        }
        catch (SQLException ex) {
            rollbackQuietly();
            var failure = new DataAccessResourceFailureException("Commit of the embedded queue store failed", ex);
            group.forEach(task -> task.future.completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(results.get(i));
        }
    }

    /** The task's result, or the exception it threw after its savepoint was rolled back. */
    private Object runInSavepoint(Task<?> task) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        }
        catch (SQLException ex) {
            return new DataAccessResourceFailureException("Could not open a savepoint", ex);
        }
        try {
            Object result = task.work.apply(writeJdbc);
            connection.releaseSavepoint(savepoint);
            return new Success(result);
        }
        catch (RuntimeException | SQLException ex) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            }
            catch (SQLException rollbackFailure) {
                ex.addSuppressed(rollbackFailure);
            }
            return ex instanceof RuntimeException runtime ? runtime
                    : new DataAccessResourceFailureException("Savepoint release failed", ex);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            log.warn("Rollback after a failed commit failed too", ex);
        }
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        running = false;
        thread.join(10_000);
        connection.close();
    }

    private record Success(Object value) {
    }

    private static final class Task<T> {
        final Function<JdbcTemplate, T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Task(Function<JdbcTemplate, T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object outcome) {
            if (outcome instanceof Success success) {
                future.complete((T) success.value());
            }
            else {
                future.completeExceptionally((Throwable) outcome);
            }
        }
    }
}
