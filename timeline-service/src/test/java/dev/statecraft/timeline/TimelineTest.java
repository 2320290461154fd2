package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.Kind;
import dev.statecraft.support.kafka.AnnouncementRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TimelineTest {

    /**
     * A day no other test of this JVM uses, so filtered queries see only this test's rows. Handed out in steps of
     * {@link #DAYS_PER_TEST}, since some tests spread rows over the days after theirs (a random day once fell among
     * them: CI saw FeedsTest wait for its 3 rows while its day held more).
     */
    static String uniqueDay() {
        // One counter per JVM, not per class loader: Quarkus may load this class again for a restarted application
        // while the broker (and what a rebuild reads back from it) stays the same. Kept as a String: Narayana copies
        // every system property when an application starts, and a non-String value failed the restart of a test
        // profile (SqlTimeoutTest) with a NullPointerException.
        synchronized (System.getProperties()) {
            long slot = Long.parseLong(System.getProperty("statecraft.test.day-slots", "0"));
            System.setProperty("statecraft.test.day-slots", Long.toString(slot + 1));
            return LocalDate.of(1800, 1, 1).plusDays(slot * DAYS_PER_TEST).toString();
        }
    }

    /** Room for the rows a test spreads over the days after its own (FacetIndexAgreesWithSqlTest: 100 days). */
    static final long DAYS_PER_TEST = 200;

    static Instant at(String day, int hour) {
        return Instant.parse(day + "T" + String.format("%02d", hour) + ":00:00Z");
    }

    static JsonPath timeline(String day, String... extra) {
        var request = given().queryParam("from", day).queryParam("to", day);
        for (int i = 0; i < extra.length; i += 2) {
            request = request.queryParam(extra[i], extra[i + 1]);
        }
        return request.get("/api/timeline").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPublishedAnnouncementAppearsOnceEvenWhenDeliveredTwice() {
        String day = uniqueDay();
        String id = Events.newId();
        var event = Events.announcement(id, 1, "Foreign Secretary visits Tokyo", Kind.VISIT, at(day, 9), "GB", "JP");
        Events.send(event);
        Events.send(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getList("items").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> timeline(day).getList("items").size() == 1);
        JsonPath page = timeline(day);
        assertThat(page.getString("items[0].id")).isEqualTo(id);
        assertThat(page.getInt("items[0].revision")).isEqualTo(1);
        assertThat(page.getList("items[0].countries")).containsExactly("GB", "JP");

        given().get("/api/announcements/" + id).then().statusCode(200)
                .body("id", equalTo(id), "title", equalTo("Foreign Secretary visits Tokyo"), "kind", equalTo("visit"));
    }

    @Test
    void aNewerRevisionReplacesAndAnOlderOneArrivingLateIsIgnored() {
        String day = uniqueDay();
        String id = Events.newId();
        Events.send(Events.announcement(id, 2, "Corrected title", Kind.MEETING, at(day, 10), "FR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getList("items").size() == 1);
        Events.send(Events.announcement(id, 1, "Typo titel", Kind.MEETING, at(day, 10), "FR"));
        Events.send(Events.announcement(id, 3, "Corrected title, again", Kind.MEETING, at(day, 10), "FR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getInt("items[0].revision") == 3);
        assertThat(timeline(day).getString("items[0].title")).isEqualTo("Corrected title, again");
    }

    @Test
    void filtersAndKeysetPagination() {
        String day = uniqueDay();
        for (int hour = 1; hour <= 5; hour++) {
            Events.send(Events.announcement(Events.newId(), 1, "Visit " + hour, hour % 2 == 0 ? Kind.VISIT : Kind.SUMMIT,
                    at(day, hour), hour <= 2 ? "DE" : "IT"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getList("items").size() == 5);

        JsonPath first = timeline(day, "limit", "2");
        assertThat(first.getList("items.title")).containsExactly("Visit 5", "Visit 4");
        String next = first.getString("next");
        assertThat(next).contains("cursor=");
        JsonPath second = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.title")).containsExactly("Visit 3", "Visit 2");
        JsonPath third = given().urlEncodingEnabled(false).get(second.getString("next")).then().extract().jsonPath();
        assertThat(third.getList("items.title")).containsExactly("Visit 1");
        assertThat(third.getString("next")).isNull();

        assertThat(timeline(day, "country", "DE").getList("items.title")).containsExactly("Visit 2", "Visit 1");
        assertThat(timeline(day, "kind", "visit").getList("items.title")).containsExactly("Visit 4", "Visit 2");
        assertThat(timeline(day, "kind", "visit", "country", "de").getList("items.title")).containsExactly("Visit 2");
        given().queryParam("from", day).queryParam("to", day).queryParam("country", "DE")
                .queryParam("country", "IT").get("/api/timeline").then().body("items", hasSize(5));
    }

    @Test
    void conditionalGetsAnswer304UntilTheContentChanges() {
        String day = uniqueDay();
        String id = Events.newId();
        Events.send(Events.announcement(id, 1, "Talks in Oslo", Kind.MEETING, at(day, 8), "NO"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getList("items").size() == 1);

        var page = given().queryParam("from", day).queryParam("to", day).get("/api/timeline").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=10")).extract();
        String pageTag = page.header("ETag");
        assertThat(pageTag).startsWith("\"").doesNotStartWith("W/");
        given().queryParam("from", day).queryParam("to", day).header("If-None-Match", pageTag).get("/api/timeline")
                .then().statusCode(304).header("ETag", pageTag);

        String announcementTag = given().get("/api/announcements/" + id).then().statusCode(200)
                .header("Cache-Control", containsString("max-age=300")).extract().header("ETag");
        given().header("If-None-Match", announcementTag).get("/api/announcements/" + id).then().statusCode(304);

        Events.send(Events.announcement(id, 2, "Talks in Oslo, revised", Kind.MEETING, at(day, 8), "NO"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getInt("items[0].revision") == 2);
        given().header("If-None-Match", announcementTag).get("/api/announcements/" + id).then().statusCode(200)
                .body("revision", equalTo(2)).header("ETag", not(announcementTag));
        given().queryParam("from", day).queryParam("to", day).header("If-None-Match", pageTag).get("/api/timeline")
                .then().statusCode(200).header("ETag", not(pageTag));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String day = uniqueDay();
        String poisonKey = Events.newId();
        Events.sendRaw(poisonKey, "{not json", new RecordHeaders());
        RecordHeaders v2 = new RecordHeaders();
        v2.add(AnnouncementEvents.HEADER_TYPE, Events.bytes("dev.statecraft.announcement.published.v2"));
        String v2Key = Events.newId();
        Events.sendRaw(v2Key, "{}", v2);
        String goodId = Events.newId();
        Events.send(Events.announcement(goodId, 1, "After the poison", Kind.STATEMENT, at(day, 12), "GB"));

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(day).getList("items").size() == 1);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> Events.readAll(AnnouncementEvents.DLQ_TIMELINE),
                        all -> all.stream().filter(r -> r.key().equals(poisonKey) || r.key().equals(v2Key)).count() == 2);
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> r.key().equals(poisonKey)).findFirst().orElseThrow();
        assertThat(AnnouncementRecords.header(poison, "dead-letter-reason")).contains("not a valid announcement event");
        assertThat(AnnouncementRecords.header(poison, "dead-letter-topic")).isEqualTo(AnnouncementEvents.TOPIC);
        ConsumerRecord<String, String> unknownType = dead.stream().filter(r -> r.key().equals(v2Key)).findFirst().orElseThrow();
        assertThat(AnnouncementRecords.header(unknownType, "dead-letter-reason")).contains("unknown event type");
    }

    @Test
    void invalidParametersAreNamed() {
        given().queryParam("country", "XX").get("/api/timeline").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("country"));
        given().queryParam("kind", "party").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("kind"));
        given().queryParam("from", "yesterday").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("from"));
        given().queryParam("limit", "0").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("limit", "201").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("cursor", "garbage!").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("cursor"));
        given().queryParam("colour", "red").get("/api/timeline").then().statusCode(400).body("parameter", equalTo("colour"));
        given().get("/api/announcements/ann_missing").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("from", "2030-01-01").queryParam("to", "2030-01-01").get("/api/timeline")
                .then().statusCode(200).body("items", hasSize(0), "next", nullValue());
    }
}
