package dev.statecraft.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The statements of one SQL-path request (the slices of a newest-first page, a relevance page's candidates and
 * rows, the SQL facets) see one snapshot, may not write, and share one time budget. Rows committed by another
 * connection between two statements of one request are driven here statement by statement, which the HTTP
 * tests cannot stage deterministically.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SqlPathRequestTest {
    @Inject
    DataSource db;
    @Inject
    @io.quarkus.agroal.DataSource("sql-path")
    DataSource sqlPath;
    /** The pool's statement_timeout: the first statement of a request runs under it. */
    @ConfigProperty(name = "statecraft.timeline.sql-timeout-ms")
    long timeoutMillis;
    /** A budget no stall of a loaded machine spends, where a test does not provoke the timeout. */
    static final long GENEROUS_BUDGET_MILLIS = 120_000;

    @Test
    void allStatementsOfOneRequestSeeOneSnapshot() throws Exception {
        String word = SqlPathPagesTest.uniqueWord();
        String prefix = "ann_snapshot_" + word;
        SqlPathRows.insert(db, prefix, word, 10, Instant.parse("1650-01-01T12:00:00Z"));
        String count = "select count(*) from timeline_entry where id like ?";

        List<Long> seen = SqlPathRequest.run(sqlPath, GENEROUS_BUDGET_MILLIS, "test", r -> {
            List<Long> counts = new ArrayList<>();
            r.query(count, List.of(prefix + "%"), rs -> counts.add(rs.getLong(1)));
            try {
                // committed by another connection between the request's first and second statement
                SqlPathRows.insert(db, prefix + "_later", word, 5, Instant.parse("1650-01-02T12:00:00Z"));
            } catch (Exception e) {
                throw new SQLException(e);
            }
            r.query(count, List.of(prefix + "%"), rs -> counts.add(rs.getLong(1)));
            return counts;
        });

        assertThat(seen).containsExactly(10L, 10L);
        Long later = SqlPathRequest.run(sqlPath, timeoutMillis, "test", r -> {
            long[] after = {0};
            r.query(count, List.of(prefix + "%"), rs -> after[0] = rs.getLong(1));
            return after[0];
        });
        assertThat(later).isEqualTo(15L);
    }

    @Test
    void aRequestOnlyReads() {
        assertThatThrownBy(() -> SqlPathRequest.run(sqlPath, timeoutMillis, "test", r -> {
            r.query("insert into timeline_entry (id, revision, published_at, kind, title, event, applied_at)"
                    + " values ('ann_read_only_" + SqlPathPagesTest.uniqueWord() + "', 1, now(), 'statement', 't', '{}',"
                    + " now()) returning id", List.of(), rs -> { });
            return null;
        })).isInstanceOf(IllegalStateException.class).satisfies(e -> assertThat(((SQLException) e.getCause())
                .getSQLState()).isEqualTo("25006")); // read_only_sql_transaction
    }

    @Test
    void laterStatementsRunUnderWhatIsLeftOfTheBudget() {
        List<Long> timeouts = SqlPathRequest.run(sqlPath, GENEROUS_BUDGET_MILLIS, "test", r -> {
            List<Long> values = new ArrayList<>();
            String show = "select setting::bigint from pg_settings where name = 'statement_timeout'";
            r.query(show, List.of(), rs -> values.add(rs.getLong(1)));
            r.query("select pg_sleep(0.05)", List.of(), rs -> { });
            r.query(show, List.of(), rs -> values.add(rs.getLong(1)));
            return values;
        });

        assertThat(timeouts.get(0)).isEqualTo(timeoutMillis);
        assertThat(timeouts.get(1)).isPositive().isLessThanOrEqualTo(GENEROUS_BUDGET_MILLIS - 50);
        // and back to the pool's setting for the next request (set for the transaction only)
        Long next = SqlPathRequest.run(sqlPath, timeoutMillis, "test", r -> {
            long[] value = {0};
            r.query("select setting::bigint from pg_settings where name = 'statement_timeout'", List.of(),
                    rs -> value[0] = rs.getLong(1));
            return value[0];
        });
        assertThat(next).isEqualTo(timeoutMillis);
    }
}
