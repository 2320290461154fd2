package dev.statecraft.timeline.query;

import java.sql.SQLException;

/**
 * A read on the SQL path that PostgreSQL cancelled at the statement timeout
 * ({@code statecraft.timeline.sql-timeout-ms}): answered as a 503 problem with {@code Retry-After}, never a hang.
 */
public final class QueryTooSlow extends RuntimeException {
    /** PostgreSQL's SQLState for a statement cancelled by {@code statement_timeout} (or a cancel request). */
    static final String QUERY_CANCELED = "57014";

    QueryTooSlow(SQLException cause) {
        super("statement cancelled at the SQL path's statement timeout", cause);
    }

    /** {@code e} as a {@link QueryTooSlow} if the timeout cancelled it, otherwise as the usual failure. */
    static RuntimeException of(SQLException e, String what) {
        return QUERY_CANCELED.equals(e.getSQLState()) ? new QueryTooSlow(e) : new IllegalStateException(what, e);
    }
}
