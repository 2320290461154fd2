package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.Kind;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.timeline.rebuild.ProjectionRebuild;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import io.restassured.path.json.JsonPath;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RebuildTest {
    static final String TOKEN = "test-operator-token-not-a-secret";

    @Inject
    DataSource dataSource;

    @Test
    void adminEndpointsNeedTheOperatorToken() {
        for (String header : new String[] {null, "Basic " + TOKEN, "Bearer "}) {
            var request = given();
            if (header != null) {
                request = request.header("Authorization", header);
            }
            request.post("/admin/projection/rebuild").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("https://statecraft.dev/problems/unauthorized"));
        }
        // a bearer token that is not an operator's: known caller, no permission
        given().header("Authorization", "Bearer wrong-token").post("/admin/projection/rebuild").then().statusCode(403)
                .body("type", equalTo("https://statecraft.dev/problems/forbidden"));
        given().get("/admin/projection").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer " + TOKEN).get("/admin/projection").then().statusCode(200);
    }

    @Test
    void aRebuildRestoresTheReadModelFromTheTopic() throws Exception {
        String day = TimelineTest.uniqueDay();
        String kept = Events.newId();
        String deleted = Events.newId();
        String retitled = Events.newId();
        Events.send(Events.announcement(kept, 1, "Kept as it was", Kind.VISIT, TimelineTest.at(day, 1), "GB"));
        Events.send(Events.announcement(deleted, 1, "Deleted by accident", Kind.SUMMIT, TimelineTest.at(day, 2), "FR"));
        Events.send(Events.announcement(retitled, 1, "Old title", Kind.MEETING, TimelineTest.at(day, 3), "DE"));
        Events.send(Events.announcement(retitled, 2, "Right title", Kind.MEETING, TimelineTest.at(day, 3), "DE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 3
                && TimelineTest.timeline(day).getList("items.title").contains("Right title"));

        long keptSeq = changeSeq(kept);
        sql("delete from timeline_entry where id = '" + deleted + "'");
        sql("update timeline_entry set title = 'Tampered' where id = '" + retitled + "'");
        long before = maxChangeSeq();
        // What a rebuild that crashed half-way leaves behind: the next one starts over.
        sql("create table timeline_entry_rebuild (left_by_a_crash int)");
        assertThat(TimelineTest.timeline(day).getList("items.title")).containsExactly("Tampered", "Kept as it was");

        given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then().statusCode(202)
                .header("Location", containsString("/admin/projection"));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", "Bearer " + TOKEN)
                .get("/admin/projection").then().statusCode(200).extract().jsonPath().getString("state"),
                state -> state.equals("done") || state.equals("failed"));
        var progress = given().header("Authorization", "Bearer " + TOKEN).get("/admin/projection").then()
                .extract().jsonPath();
        assertThat(progress.getString("state")).isEqualTo("done");
        assertThat(progress.getLong("records_read")).isGreaterThanOrEqualTo(4);
        assertThat(progress.getLong("end_offset_total")).isGreaterThanOrEqualTo(4);
        assertThat(progress.getLong("lag")).isZero();
        assertThat(progress.getString("finished_at")).isNotNull();

        assertThat(TimelineTest.timeline(day).getList("items.title"))
                .containsExactly("Right title", "Deleted by accident", "Kept as it was");
        // The whole read model equals the topic's latest revisions (the live consumer may still be catching up
        // with records other tests sent, hence the wait).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(readModel(dataSource)).isEqualTo(topic()));

        // The stream: the untouched row keeps its change number; the restored ones come after every earlier one.
        assertThat(changeSeq(kept)).isEqualTo(keptSeq);
        assertThat(changeSeq(deleted)).isGreaterThan(before);
        assertThat(changeSeq(retitled)).isGreaterThan(before);
        // The indexes carry their usual names after the swap.
        assertThat(count("select count(*) from pg_indexes where tablename = 'timeline_entry' and indexname in "
                + "('timeline_entry_pkey', 'timeline_entry_order_idx', 'timeline_entry_change_seq_idx')")).isEqualTo(3);
        assertThat(count("select count(*) from pg_tables where tablename like 'timeline_entry_%'")).isZero();

        // A new event after the swap is applied to the new table by the live consumer.
        String later = Events.newId();
        Events.send(Events.announcement(later, 1, "After the rebuild", Kind.AID, TimelineTest.at(day, 4), "PL"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 4);
    }

    @Test
    void oneRebuildAtATimeAcrossInstances() throws Exception {
        // Another instance running a rebuild holds the lock.
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement ps = other.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, ProjectionRebuild.REBUILD_LOCK);
                ps.execute();
            }
            given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://statecraft.dev/problems/rebuild-running"));
            try (PreparedStatement ps = other.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, ProjectionRebuild.REBUILD_LOCK);
                ps.execute();
            }
        }
        given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", "Bearer " + TOKEN)
                .get("/admin/projection").then().extract().jsonPath().getString("state"), s -> !s.equals("running"));
    }

    /** Starts a rebuild and waits for its end; its final progress. */
    static JsonPath rebuildAndWait() {
        given().header("Authorization", "Bearer " + TOKEN).post("/admin/projection/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", "Bearer " + TOKEN)
                .get("/admin/projection").then().statusCode(200).extract().jsonPath().getString("state"),
                state -> state.equals("done") || state.equals("failed"));
        return given().header("Authorization", "Bearer " + TOKEN).get("/admin/projection").then().extract().jsonPath();
    }

    /** id → revision and title of every row. */
    static Map<String, String> readModel(DataSource dataSource) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, revision, title from timeline_entry")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    /** id → revision and title of the newest revision of each announcement in the topic that a row can hold. */
    static Map<String, String> topic() {
        Map<String, Announcement> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : Events.readAll(AnnouncementEvents.TOPIC)) {
            Announcement a;
            try {
                a = AnnouncementRecords.read(record);
            } catch (RuntimeException e) {
                continue; // poison records other tests sent
            }
            if (!a.publishedAt().isBefore(BulkRebuildTest.BEYOND_POSTGRES)) {
                continue; // readable, but a row PostgreSQL refuses (BulkRebuildTest): dead-lettered, skipped
            }
            latest.merge(a.id(), a, (x, y) -> y.revision() > x.revision() ? y : x);
        }
        Map<String, String> rows = new HashMap<>();
        latest.values().forEach(a -> rows.put(a.id(), a.revision() + " " + a.title()));
        return rows;
    }

    private long changeSeq(String id) throws Exception {
        return count("select change_seq from timeline_entry where id = '" + id + "'");
    }

    private long maxChangeSeq() throws Exception {
        return count("select max(change_seq) from timeline_entry");
    }

    private long count(String query) throws Exception {
        return Sql.count(dataSource, query);
    }

    private void sql(String statement) throws Exception {
        Sql.execute(dataSource, statement);
    }
}
