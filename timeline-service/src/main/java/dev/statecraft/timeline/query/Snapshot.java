package dev.statecraft.timeline.query;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads that must see one state of the database across several statements (the table's identity, its newest
 * change number and its rows): one repeatable-read transaction, rolled back (it only reads), and the connection
 * handed back to the pool as it came.
 */
public final class Snapshot {
    private Snapshot() {
    }

    @FunctionalInterface
    public interface Reads<T> {
        T read(Connection snapshot) throws SQLException;
    }

    public static <T> T read(Connection c, Reads<T> reads) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return reads.read(c);
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }
}
