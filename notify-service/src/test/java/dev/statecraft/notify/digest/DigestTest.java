package dev.statecraft.notify.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Daily/weekly digests through the real broker and database: matched announcements wait instead of being sent,
 * the digest job run for a chosen instant sends one digest per period (also when two "instances" run it at
 * once), grouped by kind and country, and nothing when nothing matched.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DigestTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    DigestJob job;

    /** The first 08:30 in that zone after now: the job run then closes the period that ends at 08:00. */
    private static Instant nextDigestRun(ZoneId zone) {
        ZonedDateTime t = ZonedDateTime.now(zone).toLocalDate().atTime(8, 30).atZone(zone);
        while (!t.minusMinutes(30).toInstant().isAfter(Instant.now())) {
            t = t.plusDays(1);
        }
        return t.toInstant();
    }

    @Test
    void dailyDigestGroupsWhatMatchedAndIsSentOncePerPeriod() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver quiet = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "keywords", List.of(word),
                    "frequency", "daily", "timezone", zone.getId()));
            Created nothingMatches = TestSubscriptions.create(Map.of("webhook_url", quiet.url(),
                    "keywords", List.of(TestAnnouncements.uniqueWord()), "frequency", "daily", "timezone", zone.getId()));
            String visitGb = TestAnnouncements.newId();
            String visitGbNo = TestAnnouncements.newId();
            String sanctionsUa = TestAnnouncements.newId();
            TestKafka.publish(TestAnnouncements.announcement(visitGb, 1, "Visit on " + word, "Body.", Kind.VISIT, "GB"));
            TestKafka.publish(TestAnnouncements.announcement(visitGbNo, 1, "Second visit on " + word, "Body.",
                    Kind.VISIT, "GB", "NO"));
            TestKafka.publish(TestAnnouncements.announcement(sanctionsUa, 1, "Sanctions on " + word, "Body.",
                    Kind.SANCTIONS_IMPOSED, "UA"));
            RecordMetadata last = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Unrelated", "Body.", Kind.VISIT, "GB"));
            TestKafka.awaitConsumed(last);

            // nothing is sent at once
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 0);
            assertThat(TestSubscriptions.deliveries(sub)).isEmpty();

            // the period has not ended yet: nothing
            job.runDue(Instant.now());
            Instant run = nextDigestRun(zone);
            // two instances at once: the period row lets exactly one send
            var a = CompletableFuture.supplyAsync(() -> job.runDue(run));
            var b = CompletableFuture.supplyAsync(() -> job.runDue(run));
            a.get();
            b.get();
            job.runDue(run.plusSeconds(600));

            await().atMost(WAIT).until(() -> receiver.count() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 1);
            JsonNode body = json.readTree(receiver.received().get(0).body());
            assertThat(body.get("type").asText()).isEqualTo("digest");
            JsonNode data = body.get("data");
            assertThat(data.get("frequency").asText()).isEqualTo("daily");
            assertThat(data.get("count").asInt()).isEqualTo(3);
            assertThat(Instant.parse(data.get("period_end").asText())).isEqualTo(run.minusSeconds(1800));
            assertThat(Instant.parse(data.get("period_start").asText())).isEqualTo(run.minusSeconds(1800 + 86400));
            List<String> groups = new java.util.ArrayList<>();
            data.get("groups").forEach(g -> {
                List<String> ids = new java.util.ArrayList<>();
                g.get("announcements").forEach(x -> ids.add(x.get("id").asText()));
                groups.add(g.get("kind").asText() + "/" + g.get("country").asText() + "=" + ids);
            });
            assertThat(groups).containsExactly(
                    "sanctions_imposed/UA=[" + sanctionsUa + "]",
                    "visit/GB=[" + visitGb + ", " + visitGbNo + "]",
                    "visit/NO=[" + visitGbNo + "]");
            assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("status", "delivered").containsEntry("channel", "webhook"));

            // no digest when nothing matched
            assertThat(quiet.count()).isZero();
            assertThat(TestSubscriptions.deliveries(nothingMatches)).isEmpty();

            // the next day's period has nothing new: nothing sent
            job.runDue(run.plus(Duration.ofDays(1)));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 1);
        }
    }

    @Test
    void frequencyAndTimezoneAreValidatedAndPatchable() {
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", "http://127.0.0.1:9/", "frequency", "hourly"))
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("frequency"));
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", "http://127.0.0.1:9/", "timezone", "Mars/Base"))
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("timezone"));
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", "http://127.0.0.1:9/", "timezone", "GMT+5"))
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("timezone"));
        Created s = TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/"));
        given().header("Authorization", "Bearer " + s.managementToken()).get("/api/subscriptions/" + s.id())
                .then().body("frequency", equalTo("immediate")).body("timezone", equalTo("UTC"));
        given().header("Authorization", "Bearer " + s.managementToken()).contentType(ContentType.JSON)
                .body("{\"frequency\": \"Weekly\", \"timezone\": \"America/New_York\"}")
                .patch("/api/subscriptions/" + s.id())
                .then().statusCode(200).body("frequency", equalTo("weekly")).body("timezone", equalTo("America/New_York"));
        given().header("Authorization", "Bearer " + s.managementToken()).contentType(ContentType.JSON)
                .body("{\"frequency\": null}").patch("/api/subscriptions/" + s.id())
                .then().statusCode(400).body("parameter", equalTo("frequency"));
    }
}
