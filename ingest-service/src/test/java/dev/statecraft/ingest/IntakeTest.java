package dev.statecraft.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.kafka.AnnouncementRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IntakeTest {

    static String seed() {
        try (InputStream in = IntakeTest.class.getResourceAsStream("/samples/uk-eu-kallas-london.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsTextStoresItAndPublishesOneCloudEvent() {
        String id = given().contentType("text/plain; charset=utf-8").body(seed())
                .queryParam("title", "EU High Representative visits London")
                .queryParam("published", "2025-03-18")
                .when().post("/api/announcements")
                .then().statusCode(202)
                .header("Location", containsString("/api/announcements/ann_"))
                .body("status", equalTo("accepted"), "revision", equalTo(1))
                .extract().path("id");

        given().when().get("/api/announcements/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id), "revision", equalTo(1), "kind", equalTo("visit"),
                        "published_at", equalTo("2025-03-18T00:00:00Z"),
                        "title", equalTo("EU High Representative visits London"),
                        "body_text", containsString("Kaja Kallas"),
                        "countries.code", hasItems("GB", "RU", "UA"),
                        "parser_version", equalTo(dev.statecraft.parser.AnnouncementParser.VERSION));

        List<ConsumerRecord<String, String>> records = awaitRecords(id, 1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(AnnouncementRecords.header(record, AnnouncementEvents.HEADER_TYPE))
                .isEqualTo(AnnouncementEvents.TYPE_PUBLISHED_V1);
        assertThat(AnnouncementRecords.header(record, AnnouncementEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
        assertThat(AnnouncementRecords.header(record, AnnouncementEvents.HEADER_SUBJECT)).isEqualTo(id);
        assertThat(AnnouncementRecords.header(record, AnnouncementEvents.HEADER_ID)).isEqualTo(id + "/1");
        assertThat(AnnouncementRecords.header(record, AnnouncementEvents.HEADER_TIME)).isNotBlank();
        assertThat(AnnouncementRecords.read(record).id()).isEqualTo(id);
    }

    @Test
    void theSameDocumentTwiceIsOneAnnouncementAndOneEvent() {
        String body = "{\"title\":\"Minister meets counterpart " + UUID.randomUUID() + "\","
                + "\"body\":\"The Foreign Secretary met the French Foreign Minister in Paris today.\","
                + "\"published_at\":\"2025-04-01\"}";
        String first = given().contentType(ContentType.JSON).body(body).post("/api/announcements")
                .then().statusCode(202).extract().path("id");
        // White space and case differences do not make a new document.
        String again = given().contentType(ContentType.JSON).body(body.replace("today.", "today.  "))
                .post("/api/announcements")
                .then().statusCode(200).body("status", equalTo("duplicate")).extract().path("id");
        assertThat(again).isEqualTo(first);

        awaitRecords(first, 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> TopicReader.recordsFor(first).size() == 1);
    }

    @Test
    void theSameSourceUrlWithNewContentIsARevision() {
        String url = "https://www.gov.uk/government/news/" + UUID.randomUUID();
        String id = given().contentType("text/plain").queryParam("source_url", url + "?utm_source=x")
                .body("The UK imposed sanctions on three Russian banks today.")
                .post("/api/announcements").then().statusCode(202).extract().path("id");
        String revisedId = given().contentType("text/plain").queryParam("source_url", url.replace("https", "http"))
                .body("The UK imposed sanctions on four Russian banks today.")
                .post("/api/announcements").then().statusCode(202)
                .body("status", equalTo("revised"), "revision", equalTo(2)).extract().path("id");
        assertThat(revisedId).isEqualTo(id);

        List<ConsumerRecord<String, String>> records = awaitRecords(id, 2);
        assertThat(AnnouncementRecords.header(records.get(1), AnnouncementEvents.HEADER_TYPE))
                .isEqualTo(AnnouncementEvents.TYPE_REVISED_V1);
        assertThat(AnnouncementRecords.read(records.get(1)).bodyText()).contains("four");
        given().get("/api/announcements/" + id).then().body("revision", equalTo(2),
                "source.url", equalTo(url));
    }

    @Test
    void acceptsHtml() {
        given().contentType("text/html")
                .body("<html><body><nav>Menu</nav><h1>PM visits Kyiv</h1><p>The Prime Minister visited Kyiv "
                        + "today for talks with President Zelensky. " + UUID.randomUUID() + "</p></body></html>")
                .post("/api/announcements").then().statusCode(202);
    }

    @Test
    void badInputGetsAPreciseProblem() {
        given().contentType("text/plain").body("")
                .post("/api/announcements").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("empty-body"));
        given().contentType("application/xml").body("<a/>")
                .post("/api/announcements").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"title\": \"x\", \"body\": ")
                .post("/api/announcements").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("malformed-json"));
        given().contentType(ContentType.JSON).body("{\"body\": \"text\", \"published_at\": \"18 March\"}")
                .post("/api/announcements").then().statusCode(400)
                .body("parameter", equalTo("published_at"));
        given().contentType(ContentType.JSON).body("{\"body\": \"text\", \"publised_at\": \"2025-01-01\"}")
                .post("/api/announcements").then().statusCode(400)
                .body("parameter", equalTo("publised_at"));
        given().contentType(ContentType.JSON).body("{\"body\": 42}")
                .post("/api/announcements").then().statusCode(400).body("parameter", equalTo("body"));
        given().contentType(ContentType.JSON).body("[1,2]")
                .post("/api/announcements").then().statusCode(400);
        given().contentType("text/plain").queryParam("source_url", "ftp://example.org/x").body("text")
                .post("/api/announcements").then().statusCode(400).body("parameter", equalTo("source_url"));
        given().contentType("text/plain").body(new byte[] {(byte) 0xc3, (byte) 0x28, 0x41})
                .post("/api/announcements").then().statusCode(400).body("type", containsString("invalid-encoding"));
        given().contentType("text/plain").body("a".repeat(1024 * 1024 + 1))
                .post("/api/announcements").then().statusCode(413)
                .contentType("application/problem+json");
        given().get("/api/announcements/ann_doesnotexist").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void parseShowsTheResultAndStoresNothing() {
        long before = OutboxRowCounter.total();
        given().contentType("text/plain").queryParam("published", "2025-03-18").body(seed())
                .post("/api/parse").then().statusCode(200)
                .body("kind", equalTo("visit"), "body_text", startsWith("As part of the UK"));
        assertThat(OutboxRowCounter.total()).isEqualTo(before);
    }

    @Test
    void intakeIsMeasuredAndReadinessCoversTheOutbox() {
        given().contentType("text/plain").body("The UK and Kenya agreed a new trade partnership. " + UUID.randomUUID())
                .post("/api/announcements").then().statusCode(202);
        given().contentType("application/xml").body("<a/>").post("/api/announcements").then().statusCode(415);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("statecraft_intake_total{status=\"accepted\"}")
                .contains("statecraft_http_problems_total{status=\"415\",type=\"unsupported-media-type\"}")
                .contains("statecraft_parse_seconds_bucket")
                .contains("statecraft_outbox_backlog");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String id, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicReader.recordsFor(id), r -> r.size() >= count);
    }
}
