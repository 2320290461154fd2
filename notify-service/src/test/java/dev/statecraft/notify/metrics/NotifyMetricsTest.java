package dev.statecraft.notify.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an operator watches of notify: matches per announcement, deliveries by outcome, retries, lag. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class NotifyMetricsTest {

    @Test
    void matchesDeliveriesRetryQueueAndLagAreExposed() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String word = TestAnnouncements.uniqueWord();
            TestSubscriptions.forKeyword(receiver, word);
            Announcement a = TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Foreign Secretary visits Reykjavik for " + word + " talks", "Body text.", Kind.VISIT, "GB", "IS");
            TestKafka.publish(a);
            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.count() == 1);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
                assertThat(metrics).containsPattern("statecraft_matches_count(\\{[^}]*\\})? [1-9]");
                assertThat(metrics).containsPattern(
                        "statecraft_deliveries\\{channel=\"webhook\",status=\"delivered\"\\} [1-9]");
                assertThat(metrics).contains("statecraft_delivery_retry_queue{channel=\"webhook\"}");
                assertThat(metrics).containsPattern(
                        "statecraft_consumer_lag\\{group=\"notify-service\",partition=\"\\d+\",topic=\"statecraft\\.announcements\"\\}");
            });
        }
    }
}
