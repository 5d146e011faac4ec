package dev.switchboard.queue.store.jdbc;

/**
 * What differs between the databases the JDBC store runs on.
 *
 * @param lockReadyRows appended to the query that picks messages to deliver; on a server database it keeps two
 *        concurrent consumers from picking the same message ({@code FOR UPDATE SKIP LOCKED}); empty where writes
 *        are already serialized
 * @param counterShards rows each queue's totals are spread over, so that concurrent transactions rarely wait
 *        on the same counter row
 */
public record SqlDialect(String lockReadyRows, int counterShards) {

    /** SQLite: a single writer serializes every write transaction. */
    public static SqlDialect sqlite() {
        return new SqlDialect("", 1);
    }

    /** PostgreSQL: concurrent transactions from several replicas. */
    public static SqlDialect postgres() {
        return new SqlDialect(" FOR UPDATE SKIP LOCKED", 16);
    }
}
