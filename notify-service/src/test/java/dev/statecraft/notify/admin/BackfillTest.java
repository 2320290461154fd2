package dev.statecraft.notify.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** A late subscriber gets a past range backfilled, marked as such, once; nobody else is alerted. */
@QuarkusTest
class BackfillTest {
    static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN);
    }

    static JsonPath backfill(String subscription, Instant from) {
        String job = operator().contentType(ContentType.JSON).body(Map.of("from", from.toString()))
                .post("/admin/subscriptions/" + subscription + "/backfill").then().statusCode(202)
                .extract().path("id");
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator().get("/admin/jobs/" + job).then().statusCode(200).extract().jsonPath(),
                        p -> "done".equals(p.getString("state")));
    }

    @Test
    void backfillDeliversThePastToOneSubscriptionOnceAndMarked() {
        Instant before = Instant.now().minusSeconds(5);
        String word = TestAnnouncements.uniqueWord();
        Announcement a = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Ministers meet on " + word,
                "Talks about " + word + " in London.", Kind.MEETING, "GB");
        RecordMetadata published = TestKafka.publish(a);
        TestKafka.awaitConsumed(published);

        try (WebhookReceiver late = WebhookReceiver.start(); WebhookReceiver other = WebhookReceiver.start()) {
            var subscriber = TestSubscriptions.forKeyword(late, word);
            TestSubscriptions.forKeyword(other, word);

            JsonPath first = backfill(subscriber.id(), before);
            assertThat(first.getLong("changed")).isEqualTo(1);
            assertThat(first.getLong("scanned")).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> late.count() == 1);
            assertThat(late.received().get(0).body()).contains(a.id()).contains("\"backfill\":true");

            JsonPath second = backfill(subscriber.id(), before);
            assertThat(second.getLong("changed")).isZero();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> late.count() == 1 && other.count() == 0);
            assertThat(TestSubscriptions.deliveries(subscriber)).hasSize(1);
        }
        operator().get("/admin/audit?action=subscription.backfill").then().statusCode(200)
                .body("[0].operator", equalTo("operator"), "[0].status", equalTo(202));
    }

    @Test
    void backfillInputIsCheckedAndNeedsTheOperator() {
        String unknown = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body("{\"from\":\"2025-01-01\"}")
                .post("/admin/subscriptions/" + unknown + "/backfill").then().statusCode(401);
        operator().contentType(ContentType.JSON).body("{\"from\":\"2025-01-01\"}")
                .post("/admin/subscriptions/" + unknown + "/backfill").then().statusCode(404);
        operator().contentType(ContentType.JSON).body("{\"from\":\"2025-01-01\"}")
                .post("/admin/subscriptions/not-a-uuid/backfill").then().statusCode(400)
                .body("parameter", equalTo("id"));
        operator().contentType(ContentType.JSON).body("{}")
                .post("/admin/subscriptions/" + unknown + "/backfill").then().statusCode(400)
                .body("parameter", equalTo("from"));
        operator().contentType(ContentType.JSON).body("{\"from\":\"2025-02-01\",\"to\":\"2025-01-01\"}")
                .post("/admin/subscriptions/" + unknown + "/backfill").then().statusCode(400);
    }
}
