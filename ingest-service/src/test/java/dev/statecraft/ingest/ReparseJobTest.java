package dev.statecraft.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.kafka.AnnouncementRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Re-parse jobs against the real broker and database: dry run, republish, idempotence, resume, cancel, audit. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ReparseJobTest {
    static final String TOKEN = "test-operator-token-not-a-secret";
    static final String CI_TOKEN = "test-ci-token-not-a-secret";

    @Inject
    DataSource dataSource;

    static RequestSpecification operator(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    String post(String publisher) {
        String body = "{\"title\":\"Foreign Secretary visits Kyiv " + UUID.randomUUID() + "\","
                + "\"body\":\"The Foreign Secretary visited Kyiv today and met President Zelensky of Ukraine.\","
                + "\"published_at\":\"2025-04-01\",\"publisher\":\"" + publisher + "\"}";
        String id = given().contentType(ContentType.JSON).body(body).post("/api/announcements")
                .then().statusCode(202).extract().path("id");
        IntakeTest.awaitRecords(id, 1);
        return id;
    }

    /** What an older parser had made of it: the stored event says kind "other" and no countries. */
    void pretendAnOlderParserStored(String id) throws SQLException {
        sql("update announcement set event = jsonb_set(jsonb_set(event::jsonb, '{kind}', '\"other\"'),"
                + " '{countries}', '[]')::text where id = ?", id);
    }

    int sql(String statement, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    JsonPath startAndFinish(String token, String range) {
        String job = operator(token).contentType(ContentType.JSON).body(range).post("/admin/jobs/reparse")
                .then().statusCode(202).header("Location", containsString("/admin/jobs/job_"))
                .extract().path("id");
        return awaitState(job, "done");
    }

    JsonPath awaitState(String job, String state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator(TOKEN).get("/admin/jobs/" + job).then().statusCode(200).extract().jsonPath(),
                        p -> state.equals(p.getString("state")));
    }

    @Test
    void dryRunReportsFieldByFieldAndPublishesNothingThenTheRealRunRepublishesOnce() throws SQLException {
        String publisher = "Reparse Office " + UUID.randomUUID();
        String changed = post(publisher);
        String untouched = post(publisher);
        pretendAnOlderParserStored(changed);
        String range = "{\"publisher\":\"" + publisher + "\",\"dry_run\":true}";

        JsonPath dry = startAndFinish(TOKEN, range);
        assertThat(dry.getInt("total")).isEqualTo(2);
        assertThat(dry.getInt("scanned")).isEqualTo(2);
        assertThat(dry.getInt("changed")).isEqualTo(1);
        assertThat(dry.getInt("unchanged")).isEqualTo(1);
        assertThat(dry.getBoolean("dry_run")).isTrue();
        assertThat(dry.getString("report[0].id")).isEqualTo(changed);
        assertThat(dry.getList("report[0].changes.field")).containsExactly("countries", "kind");
        assertThat(dry.getString("report[0].changes.find { it.field == 'kind' }.before")).isEqualTo("other");
        assertThat(dry.getString("report[0].changes.find { it.field == 'kind' }.after")).isEqualTo("visit");
        given().get("/api/announcements/" + changed).then().body("revision", equalTo(1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> TopicReader.recordsFor(changed).size() == 1);

        JsonPath real = startAndFinish(CI_TOKEN, range.replace("true", "false"));
        assertThat(real.getInt("changed")).isEqualTo(1);
        List<ConsumerRecord<String, String>> records = IntakeTest.awaitRecords(changed, 2);
        assertThat(AnnouncementRecords.header(records.get(1), AnnouncementEvents.HEADER_TYPE))
                .isEqualTo(AnnouncementEvents.TYPE_REVISED_V1);
        assertThat(AnnouncementRecords.read(records.get(1)).kind().wire()).isEqualTo("visit");
        assertThat(AnnouncementRecords.read(records.get(1)).revision()).isEqualTo(2);
        given().get("/api/announcements/" + changed).then().body("revision", equalTo(2), "kind", equalTo("visit"));

        // The same re-parse again changes and publishes nothing.
        JsonPath again = startAndFinish(TOKEN, range.replace("true", "false"));
        assertThat(again.getInt("changed")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> TopicReader.recordsFor(changed).size() == 2 && TopicReader.recordsFor(untouched).size() == 1);

        // who did what is in the audit log, under the operator's name and never the token
        operator(TOKEN).get("/admin/audit?action=reparse.start").then().statusCode(200)
                .body("operator", hasItem("ci"), "operator", hasItem("test-operator"), "status", hasItem(202))
                .body(org.hamcrest.Matchers.not(containsString(CI_TOKEN)));
    }

    @Test
    void aJobAbandonedByADeadInstanceResumesAfterItsCheckpoint() throws SQLException {
        String publisher = "Resume Office " + UUID.randomUUID();
        List<String> ids = Stream.of(post(publisher), post(publisher), post(publisher)).sorted().toList();
        for (String id : ids) {
            pretendAnOlderParserStored(id);
        }
        // An instance that was killed after committing the batch that ended at ids[0]: running, silent for a minute.
        String job = "job_" + UUID.randomUUID().toString().replace("-", "");
        sql("insert into admin_job (id, kind, state, parameters, created_by, created_at, started_at, updated_at, owner,"
                + " heartbeat_at, total, scanned, changed, checkpoint) values (?, 'reparse', 'running', cast(? as jsonb),"
                + " 'test-operator', now(), now(), now(), 'killed-instance', now() - interval '1 minute', 3, 1, 1, ?)",
                job, "{\"publisher\":\"" + publisher + "\",\"dry_run\":false}", ids.get(0));

        JsonPath done = awaitState(job, "done");
        assertThat(done.getInt("scanned")).isEqualTo(3);
        assertThat(done.getInt("changed")).isEqualTo(3);
        // ids[0] was before the checkpoint: not re-parsed again, so still revision 1
        given().get("/api/announcements/" + ids.get(0)).then().body("revision", equalTo(1));
        given().get("/api/announcements/" + ids.get(1)).then().body("revision", equalTo(2));
        given().get("/api/announcements/" + ids.get(2)).then().body("revision", equalTo(2));
    }

    @Test
    void aCancelledJobStopsAndAFinishedOneCannotBeCancelled() throws SQLException {
        // A job another, live instance is running (fresh heartbeat): nobody here may take it over.
        String job = "job_" + UUID.randomUUID().toString().replace("-", "");
        sql("insert into admin_job (id, kind, state, parameters, created_by, created_at, started_at, updated_at, owner,"
                + " heartbeat_at, total) values (?, 'reparse', 'running', '{\"all\":true}', 'test-operator', now(),"
                + " now(), now(), 'live-instance', now() + interval '1 hour', 10)", job);
        operator(TOKEN).post("/admin/jobs/" + job + "/cancel").then().statusCode(200)
                .body("state", equalTo("cancelled"));
        operator(TOKEN).post("/admin/jobs/" + job + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        operator(TOKEN).post("/admin/jobs/job_nope/cancel").then().statusCode(404);
        operator(TOKEN).get("/admin/jobs?kind=reparse").then().statusCode(200).body("id", hasItem(job));
    }

    @Test
    void adminEndpointsNeedAnOperatorTokenAndPreciseInput() {
        given().contentType(ContentType.JSON).body("{\"all\":true}").post("/admin/jobs/reparse").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        operator("not-an-operator").contentType(ContentType.JSON).body("{\"all\":true}")
                .post("/admin/jobs/reparse").then().statusCode(403)
                .body("type", equalTo("https://statecraft.dev/problems/forbidden"));
        given().get("/admin/audit").then().statusCode(401);
        given().get("/admin/jobs").then().statusCode(401);

        operator(TOKEN).contentType(ContentType.JSON).body("{}").post("/admin/jobs/reparse").then()
                .statusCode(400).body("type", equalTo("https://statecraft.dev/problems/range-required"));
        operator(TOKEN).contentType(ContentType.JSON).body("{\"published_from\":\"yesterday\"}")
                .post("/admin/jobs/reparse").then().statusCode(400).body("parameter", equalTo("published_from"));
        operator(TOKEN).contentType(ContentType.JSON)
                .body("{\"published_from\":\"2025-02-01\",\"published_to\":\"2025-01-01\"}")
                .post("/admin/jobs/reparse").then().statusCode(400).body("parameter", equalTo("published_from"));
        operator(TOKEN).contentType(ContentType.JSON).body("{\"all\":true,\"drop\":1}").post("/admin/jobs/reparse")
                .then().statusCode(400).body("type", equalTo("https://statecraft.dev/problems/malformed-json"));
        operator(TOKEN).contentType(ContentType.JSON).body("{\"ids\":[]}").post("/admin/jobs/reparse").then()
                .statusCode(400).body("parameter", equalTo("ids"));
        operator(TOKEN).get("/admin/jobs/job_missing").then().statusCode(404);
        // refused input is audited too, with its status
        operator(TOKEN).get("/admin/audit?action=reparse.start").then().statusCode(200).body("status", hasItem(400));
    }
}
