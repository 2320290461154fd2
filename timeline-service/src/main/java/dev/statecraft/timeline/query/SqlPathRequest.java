package dev.statecraft.timeline.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The statements of one request on the SQL path (a newest-first page read in slices, a relevance page, the SQL
 * facets), on its own pool ({@code quarkus.datasource."sql-path"}):
 * <ul>
 * <li>one read-only repeatable-read transaction, so all of them see one snapshot (the slices of a page cannot
 * see different commits: a row revised between two slices would otherwise be missed or read twice);</li>
 * <li>one time budget, {@code statecraft.timeline.sql-timeout-ms} for all of them together, not for each: the
 * first runs under the pool's {@code statement_timeout}, each later one under what is left of it (set for the
 * transaction only), so PostgreSQL cancels the request's SQL at the budget whatever the number of
 * statements.</li>
 * </ul>
 * A statement cancelled at the timeout, or a budget spent before a statement, is a {@link QueryTooSlow}.
 */
public final class SqlPathRequest {
    @FunctionalInterface
    public interface Reads<T> {
        T read(SqlPathRequest request) throws SQLException;
    }

    @FunctionalInterface
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final long timeoutMillis;
    private final long startNanos = System.nanoTime();
    private int statements;

    private SqlPathRequest(Connection connection, long timeoutMillis) {
        this.connection = connection;
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code reads} on a connection of {@code sqlPath} in one read-only snapshot under one time budget. */
    public static <T> T run(DataSource sqlPath, long timeoutMillis, String what, Reads<T> reads) {
        try (Connection c = sqlPath.getConnection()) {
            c.setReadOnly(true); // pgjdbc then begins the transaction READ ONLY
            try {
                return Snapshot.read(c, snapshot -> reads.read(new SqlPathRequest(snapshot, timeoutMillis)));
            } finally {
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw QueryTooSlow.of(e, what);
        }
    }

    /** Runs one statement of the request, each of its rows handed to {@code row} in order. */
    public void query(String sql, List<Object> args, Row row) throws SQLException {
        if (statements++ > 0) {
            limitToWhatIsLeft();
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            SqlWhere.bind(connection, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private void limitToWhatIsLeft() throws SQLException {
        long left = timeoutMillis - (System.nanoTime() - startNanos) / 1_000_000;
        if (left <= 0) {
            throw new SQLException("the request's " + timeoutMillis + " ms of SQL are spent", QueryTooSlow.QUERY_CANCELED);
        }
        try (PreparedStatement ps = connection.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            ps.setString(1, Long.toString(left));
            ps.executeQuery().close();
        }
    }
}
