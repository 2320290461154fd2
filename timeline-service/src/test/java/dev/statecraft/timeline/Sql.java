package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/** The timeline tests' direct SQL on the service's own database (one place for what each test repeated). */
final class Sql {
    private Sql() {
    }

    /** The first column of the query's first row as a number (a count, a change number); 0 for SQL null. */
    static long count(DataSource db, String query) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getLong(1);
        }
    }

    static void execute(DataSource db, String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The first column of the one row {@code query} (one {@code ?}, the id) finds; null when there is none. */
    static String text(Connection c, String query, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String text(DataSource db, String query, String id) throws Exception {
        try (Connection c = db.getConnection()) {
            return text(c, query, id);
        }
    }
}
