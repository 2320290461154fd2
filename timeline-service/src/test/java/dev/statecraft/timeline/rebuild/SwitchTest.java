package dev.statecraft.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The switch on its own, with the race a rebuild cannot show deterministically: changes the live projection
 * applied while the rebuild was reading (a newer revision, an announcement the rebuild never saw) survive it.
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
    void liveChangesDuringTheRebuildSurviveTheSwitch() throws Exception {
        String p = "sw_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists timeline_entry_rebuild");
            insert(s, "timeline_entry", p + "same", 1, "Same");
            insert(s, "timeline_entry", p + "newer", 1, "Revision one");
            s.execute("create table timeline_entry_rebuild (like timeline_entry including all)");
            // What the rebuild read from the topic: the same contents, under fresh change numbers.
            String columns = "id, revision, published_at, kind, title, summary, publisher, source_url, countries, "
                    + "organisations, persons, event, applied_at, locations, mentioned_dates, body_text";
            s.execute("insert into timeline_entry_rebuild (" + columns + ") select " + columns
                    + " from timeline_entry");
            // Meanwhile the live projection applied a newer revision and a new announcement.
            s.execute("update timeline_entry set revision = 2, title = 'Revision two', "
                    + "change_seq = nextval('timeline_change_seq') where id = '" + p + "newer'");
            insert(s, "timeline_entry", p + "new", 1, "Arrived during the rebuild");
            Map<String, String> before = rows(s, "");

            ProjectionRebuild.Switch result = rebuild.switchTables(c);

            assertThat(result.caughtUp()).isGreaterThanOrEqualTo(2);
            assertThat(result.changed()).isZero();
            // Every row, this test's and the others', as before: same revision, title and change number.
            assertThat(rows(s, "")).isEqualTo(before);
            assertThat(rows(s, p)).hasSize(3).containsEntry(p + "newer", before.get(p + "newer"))
                    .hasEntrySatisfying(p + "newer", v -> assertThat(v).startsWith("2 Revision two"));
            s.execute("delete from timeline_entry where id like '" + p + "%'");
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
