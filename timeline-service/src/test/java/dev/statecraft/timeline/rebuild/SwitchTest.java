package dev.statecraft.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The switch on its own, with the race a rebuild cannot show deterministically: changes the live projection
 * applied while the rebuild was reading (a newer revision, an announcement the rebuild never saw) survive it, and
 * a row the rebuild changed, numbered before those, gets a number above them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SwitchTest {
    @Inject
    DataSource dataSource;

    @Inject
    ProjectionRebuild rebuild;

    @Test
    void liveChangesDuringTheRebuildSurviveTheSwitchAndChangedRowsComeAfterThem() throws Exception {
        String p = "sw_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists timeline_entry_rebuild");
            insert(s, "timeline_entry", p + "same", 1, "Same");
            insert(s, "timeline_entry", p + "newer", 1, "Revision one");
            insert(s, "timeline_entry", p + "changed", 1, "Old wording");
            insert(s, "timeline_entry", p + "reloaded", 1, "Revision one");
            s.execute("create table timeline_entry_rebuild (like timeline_entry including all)");
            // What the rebuild loaded: the same contents under their kept numbers (LiveNumbers), numbers taken
            // after that start above seqStart...
            String columns = "id, revision, published_at, kind, title, summary, publisher, source_url, countries, "
                    + "organisations, persons, event, applied_at, locations, mentioned_dates, body_text, change_seq";
            s.execute("insert into timeline_entry_rebuild (" + columns + ") select " + columns
                    + " from timeline_entry");
            long seqStart = number(s, "select nextval('timeline_change_seq')");
            // ...and one row whose content the rebuild changed, numbered while loading.
            s.execute("update timeline_entry_rebuild set title = 'New wording', change_seq = "
                    + "nextval('timeline_change_seq') where id = '" + p + "changed'");
            // A revision the rebuild read too, which the live projection applied after the rebuild's start.
            String revisionTwo = "revision = 2, title = 'Revision two', content_hash = 2, change_seq = "
                    + "nextval('timeline_change_seq') where id = '" + p + "reloaded'";
            s.execute("update timeline_entry_rebuild set " + revisionTwo);
            // Meanwhile the live projection applied a newer revision and a new announcement, with higher numbers.
            s.execute("update timeline_entry set revision = 2, title = 'Revision two', "
                    + "change_seq = nextval('timeline_change_seq') where id = '" + p + "newer'");
            s.execute("update timeline_entry set " + revisionTwo);
            insert(s, "timeline_entry", p + "new", 1, "Arrived during the rebuild");
            Map<String, String> before = rows(s, "");
            long liveMax = number(s, "select max(change_seq) from timeline_entry");

            ProjectionRebuild.Switch result = rebuild.switchTables(c, seqStart);

            assertThat(result.caughtUp()).isGreaterThanOrEqualTo(2);
            assertThat(result.changed()).isEqualTo(1);
            // Every other row, this test's and the others', as before: same revision, title and change number.
            Map<String, String> after = rows(s, "");
            assertThat(after.remove(p + "changed")).startsWith("1 New wording #");
            before.remove(p + "changed");
            assertThat(after).isEqualTo(before);
            // The reloaded row kept the live number of that revision: no second event for what clients have seen.
            assertThat(rows(s, p)).hasSize(5).hasEntrySatisfying(p + "newer",
                    v -> assertThat(v).startsWith("2 Revision two")).hasEntrySatisfying(p + "reloaded",
                    v -> assertThat(v).startsWith("2 Revision two"));
            // The changed row comes after everything a client can have seen.
            assertThat(number(s, "select change_seq from timeline_entry where id = '" + p + "changed'"))
                    .isGreaterThan(liveMax);
            s.execute("delete from timeline_entry where id like '" + p + "%'");
        }
    }

    @Test
    void aFailedSwitchLeavesTheLiveTableServingAndChangesNothing() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists timeline_entry_rebuild");
            s.execute("create table timeline_entry_rebuild (like timeline_entry including all)");
            String id = "swf_" + UUID.randomUUID().toString().substring(0, 8);
            insert(s, "timeline_entry_rebuild", id, 1, "Numbered while loading");
            long seqStart = number(s, "select change_seq from timeline_entry_rebuild where id = '" + id + "'") - 1;
            insert(s, "timeline_entry", id + "_live", 1, "Applied later"); // so the row above needs a new number
            // Something that makes the switch fail after the catch-up and the renumbering: the name the live table is
            // renamed to is taken.
            s.execute("create table " + ProjectionRebuild.RETIRED_TABLE + " (blocker int)");
            long oid = number(s, "select 'timeline_entry'::regclass::oid");
            try {
                assertThatThrownBy(() -> rebuild.switchTables(c, seqStart)).isInstanceOf(SQLException.class);
            } finally {
                s.execute("drop table " + ProjectionRebuild.RETIRED_TABLE);
            }
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(number(s, "select 'timeline_entry'::regclass::oid")).isEqualTo(oid);
            // Rolled back: the renumbering too.
            assertThat(number(s, "select change_seq from timeline_entry_rebuild where id = '" + id + "'"))
                    .isEqualTo(seqStart + 1);
            s.execute("drop table timeline_entry_rebuild");
            s.execute("delete from timeline_entry where id = '" + id + "_live'");
        }
    }

    private static long number(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Statement s, String table, String id, int revision, String title) throws Exception {
        s.execute("insert into " + table + " (id, revision, published_at, kind, title, event, applied_at) values ('"
                + id + "', " + revision + ", '1900-01-01T00:00:00Z', 'other', '" + title + "', '{}', now())");
    }

    /** id → revision, title and change number. */
    private static Map<String, String> rows(Statement s, String prefix) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (ResultSet rs = s.executeQuery("select id, revision, title, change_seq from timeline_entry where id like '"
                + prefix + "%'")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2) + " " + rs.getString(3) + " #" + rs.getLong(4));
            }
        }
        return rows;
    }
}
