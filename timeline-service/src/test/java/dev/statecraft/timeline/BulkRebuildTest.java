package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The COPY-based rebuild: the revision rule without an index while loading (the highest revision wins
 * whatever the order of the records, an equal one changes nothing), a poison record skipped, the same row as
 * the live projection stores (derived columns included), and a rebuild that dies before its switch leaves the
 * old read model serving.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BulkRebuildTest {
    private static final String TOKEN = RebuildTest.TOKEN;
    /** {@code ProjectionRebuild.REBUILD_LOCK} as pg_locks shows a bigint advisory key: high and low 32 bits. */
    private static final String REBUILD_LOCK_HOLDER = "select pid from pg_locks where locktype = 'advisory' and "
            + "classid = 1 and objid = 2949502823 and objsubid = 1 and granted";
    /** A publication instant Java and the event contract take but PostgreSQL's timestamptz cannot hold. */
    static final Instant BEYOND_POSTGRES = Instant.parse("+300000-01-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Test
    void theHighestRevisionWinsAPoisonRecordIsSkippedAndRowsEqualTheLiveOnes() throws Exception {
        String day = TimelineTest.uniqueDay();
        String revised = Events.newId();
        String plain = Events.newId();
        // Newest first, then an older one and a replay of the newest with other content: neither may win.
        Events.send(Events.with(revised).revision(3).title("Third and final").kind(Kind.SUMMIT)
                .publishedAt(TimelineTest.at(day, 1)).build());
        Events.send(Events.with(revised).revision(2).title("Second, late").kind(Kind.SUMMIT)
                .publishedAt(TimelineTest.at(day, 1)).build());
        Events.sendRaw(revised, "{not json", new RecordHeaders());
        Events.send(Events.with(revised).revision(3).title("Third, replayed with other text").kind(Kind.SUMMIT)
                .publishedAt(TimelineTest.at(day, 1)).build());
        Events.send(Events.with(plain).title("Ministers' talks on semiconductors").body("The ministers agreed "
                + "on supply chains.\tTabs, \\backslashes\\ and\nnew lines survive COPY.").kind(Kind.MEETING)
                .publishedAt(TimelineTest.at(day, 2)).dates("2031-05-19", "2031-07", "2032", "2031-02-30")
                .countries("JP").locations("Tokyo").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 2);
        String liveRevised = row(revised);
        String livePlain = row(plain);
        assertThat(liveRevised).startsWith("3|Third and final|");

        JsonPath progress = rebuild();
        assertThat(progress.getString("state")).isEqualTo("done");
        assertThat(progress.getLong("records_skipped")).isGreaterThanOrEqualTo(1);
        // Row for row what the live projection stored: search vector, mentioned dates and event included.
        assertThat(row(revised)).isEqualTo(liveRevised);
        assertThat(row(plain)).isEqualTo(livePlain);
        assertThat(livePlain).contains("{[2031-05-19,2031-05-20),[2031-07-01,2031-08-01),[2032-01-01,2033-01-01)}")
                .contains("'semiconductor':4A", "'minist':1A,6B");
        assertThat(TimelineTest.timeline(day, "q", "semiconductors").getList("items.id")).containsExactly(plain);
        assertThat(count("select count(*) from pg_tables where tablename like 'timeline_entry_%'")).isZero();
    }

    @Test
    void aRowPostgresCannotStoreIsSkippedNotTheRebuild() throws Exception {
        String day = TimelineTest.uniqueDay();
        String revised = Events.newId();
        String unstorable = Events.newId();
        String plain = Events.newId();
        // Java reads these events; PostgreSQL's timestamptz ends in year 294276, so their rows are refused (the
        // live projection dead-letters them; the rebuild's binary encoder refuses them as PostgreSQL refuses their
        // text). One is a later revision (staging COPY), one a first (main COPY).
        Events.send(Events.with(revised).revision(1).title("Storable first revision").kind(Kind.AID)
                .publishedAt(TimelineTest.at(day, 1)).build());
        Events.send(Events.with(revised).revision(2).title("Published in a year PostgreSQL cannot store")
                .kind(Kind.AID).publishedAt(BEYOND_POSTGRES).build());
        Events.send(Events.with(unstorable).title("Never storable").kind(Kind.AID).publishedAt(BEYOND_POSTGRES)
                .build());
        Events.send(Events.with(plain).title("Stored after the refused ones").kind(Kind.VISIT)
                .publishedAt(TimelineTest.at(day, 2)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 2);

        JsonPath progress = rebuild();
        assertThat(progress.getString("state")).isEqualTo("done");
        assertThat(progress.getLong("records_skipped")).isGreaterThanOrEqualTo(2);
        assertThat(TimelineTest.timeline(day).getList("items.title"))
                .containsExactly("Stored after the refused ones", "Storable first revision");
        assertThat(count("select count(*) from timeline_entry where id = '" + unstorable + "'")).isZero();
    }

    @Test
    void aRowPostgresRefusesInsideTheCopyIsLeftOutAndTheOthersAreSentAgain() throws Exception {
        String day = TimelineTest.uniqueDay();
        String refused = Events.newId();
        String kept = Events.newId();
        String title = "Refused by a check constraint " + refused;
        Events.send(Events.with(refused).title(title).kind(Kind.AID).publishedAt(TimelineTest.at(day, 1)).build());
        Events.send(Events.with(kept).title("Copied around the refused one").kind(Kind.VISIT)
                .publishedAt(TimelineTest.at(day, 2)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 2);
        // A row only PostgreSQL refuses (the encoder cannot know this constraint, which the rebuilt table takes
        // over with "like … including all"): the COPY statement fails on its line, is rolled back and sent again
        // without it.
        String constraint = "refuse_" + refused.replaceAll("[^a-zA-Z0-9]", "_");
        sql("alter table timeline_entry add constraint " + constraint + " check (title <> '" + title + "') not valid");
        // As if the live projection had met the constraint too (it dead-letters such a record): else the switch
        // would carry the live row over into the rebuilt table, where the constraint refuses it.
        sql("delete from timeline_entry where id = '" + refused + "'");
        try {
            JsonPath progress = rebuild();
            assertThat(progress.getString("state")).isEqualTo("done");
            assertThat(progress.getLong("records_skipped")).isGreaterThanOrEqualTo(1);
            assertThat(TimelineTest.timeline(day).getList("items.title"))
                    .containsExactly("Copied around the refused one");
            assertThat(count("select count(*) from timeline_entry where id = '" + refused + "'")).isZero();
        } finally {
            sql("alter table timeline_entry drop constraint if exists " + constraint);
        }
    }

    @Test
    void aCopyFailureThatIsNoRowsFaultFailsTheRebuildAndTheOldReadModelServes() throws Exception {
        String day = TimelineTest.uniqueDay();
        String failing = Events.newId();
        String title = "Fails its COPY with an error no row can be blamed for " + failing;
        Events.send(Events.with(failing).title(title).kind(Kind.AID).publishedAt(TimelineTest.at(day, 1)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 1);
        // Raised with an SQLState outside the row-level classes (22, 23, 54000): the COPY is not sent again
        // without the row, the rebuild fails (a connection or disk failure looks the same to it).
        String suffix = failing.replaceAll("[^a-zA-Z0-9]", "_");
        sql("create function fail_" + suffix + "(t text) returns boolean language plpgsql immutable as $$ begin if t = '"
                + title + "' then raise exception 'not a row''s fault' using errcode = 'XX000'; end if; return true;"
                + " end $$");
        sql("alter table timeline_entry add constraint fail_" + suffix + " check (fail_" + suffix + "(title)) not valid");
        try {
            JsonPath progress = rebuild();
            assertThat(progress.getString("state")).isEqualTo("failed");
            assertThat(progress.getString("error")).containsIgnoringCase("copy"); // the server's message is in the log
            assertThat(TimelineTest.timeline(day).getList("items.title")).containsExactly(title);
        } finally {
            sql("alter table timeline_entry drop constraint if exists fail_" + suffix);
            sql("drop function if exists fail_" + suffix + "(text) cascade"); // the failed rebuild's table took it over
        }
    }

    @Test
    void aRebuildThatDiesBeforeItsSwitchLeavesTheOldReadModelServing() throws Exception {
        String day = TimelineTest.uniqueDay();
        String id = Events.newId();
        Events.send(Events.with(id).title("Served throughout").kind(Kind.AID).publishedAt(TimelineTest.at(day, 1))
                .build());
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 1);
        sql("update timeline_entry set title = 'Only in the old read model' where id = '" + id + "'");

        try (Connection reader = dataSource.getConnection(); Statement s = reader.createStatement()) {
            // A reader inside a transaction: the switch waits for its lock, so the rebuild is caught just before it.
            reader.setAutoCommit(false);
            s.executeQuery("select count(*) from timeline_entry").close();
            given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from pg_stat_activity where "
                    + "wait_event_type = 'Lock' and query like 'lock table timeline_entry%'") == 1);
            // The instance dies: its connection, and with it the rebuild lock and its open transaction, go away.
            sql("select pg_terminate_backend((" + REBUILD_LOCK_HOLDER + "))");
            await().atMost(Duration.ofSeconds(30)).until(() -> state().equals("failed"));
            reader.rollback();
        }
        assertThat(TimelineTest.timeline(day).getList("items.title")).containsExactly("Only in the old read model");
        assertThat(count(REBUILD_LOCK_HOLDER.replace("select pid", "select count(*)"))).isZero();

        // The next rebuild starts over from the half-built table and restores the row.
        assertThat(rebuild().getString("state")).isEqualTo("done");
        assertThat(TimelineTest.timeline(day).getList("items.title")).containsExactly("Served throughout");
    }

    private JsonPath rebuild() {
        given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(this::state, s -> s.equals("done") || s.equals("failed"));
        return given().header("Authorization", "Bearer " + TOKEN).get("/admin/projection").then().extract().jsonPath();
    }

    private String state() {
        return given().header("Authorization", "Bearer " + TOKEN).get("/admin/projection").then().statusCode(200)
                .extract().jsonPath().getString("state");
    }

    private String row(String id) throws Exception {
        return Sql.text(dataSource, "select concat_ws('|', revision, title, published_at, kind, summary, publisher, "
                + "source_url, countries, organisations, persons, locations, body_text, mentioned_dates, search, event)"
                + " from timeline_entry where id = ?", id);
    }

    private long count(String query) throws Exception {
        return Sql.count(dataSource, query);
    }

    private void sql(String statement) throws Exception {
        Sql.execute(dataSource, statement);
    }
}
