package dev.statecraft.timeline.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Change numbers for the rows a rebuild changes, taken from the sequence in blocks on a connection of their own
 * (the rebuild's two are busy COPYing). Used by the one writer thread, in the order the rows are written. Numbers
 * of a block left unused are gaps, which the stream does not mind (it asks for change_seq above a number).
 */
final class FreshNumbers {
    private static final int BLOCK = 10_000;

    private final DataSource dataSource;
    private final long[] block = new long[BLOCK];
    private int next = BLOCK;
    private long taken;

    FreshNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long next() throws SQLException {
        if (next == BLOCK) {
            refill();
        }
        taken++;
        return block[next++];
    }

    /** Rows numbered so far. */
    long taken() {
        return taken;
    }

    private void refill() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select nextval('timeline_change_seq') from "
                        + "generate_series(1, " + BLOCK + ")")) {
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    block[i++] = rs.getLong(1);
                }
            }
        }
        next = 0;
    }
}
