package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.WebhookReceiver.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end through the real broker and database: an event on the topic becomes exactly one signed webhook
 * per matching subscription, whatever Kafka redelivers, with retries, 410 handling and revision rules.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void matchingEventBecomesOneSignedWebhookEvenWhenRedelivered() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        Announcement a = TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Foreign Secretary visits Oslo for " + word + " talks", "Body text.", Kind.VISIT, "GB", "NO");

        TestKafka.publish(a);
        await().atMost(WAIT).until(() -> receiver.count() == 1);

        WebhookReceiver.Received hook = receiver.received().get(0);
        assertSignedByStandardWebhooks(hook, sub.secret());
        assertThat(hook.header("content-type")).startsWith("application/json");
        JsonNode body = json.readTree(hook.body());
        assertThat(body.get("type").asText()).isEqualTo("announcement.published");
        assertThat(Instant.parse(body.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        JsonNode data = body.get("data");
        assertThat(data.get("id").asText()).isEqualTo(a.id());
        assertThat(data.get("revision").asInt()).isEqualTo(1);
        assertThat(data.get("title").asText()).isEqualTo(a.title());
        assertThat(data.get("summary").asText()).isEqualTo(a.summary());
        assertThat(data.get("kind").asText()).isEqualTo("visit");
        assertThat(data.get("published_at").asText()).isEqualTo("2025-03-18T00:00:00Z");
        assertThat(data.get("countries").toString()).isEqualTo("[\"GB\",\"NO\"]");
        assertThat(data.get("organisations").get(0).get("name").asText()).isEqualTo("European Union");
        assertThat(data.get("persons").get(0).get("name").asText()).isEqualTo("Kaja Kallas");
        assertThat(data.get("source_url").asText()).isEqualTo(a.source().url());

        List<Map<String, Object>> log = TestSubscriptions.deliveries(sub);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("status", "delivered").containsEntry("attempts", 1)
                .containsEntry("last_status_code", 200).containsEntry("announcement_id", a.id());
        assertThat(hook.header("webhook-id")).isEqualTo(log.get(0).get("webhook_id"));

        // Kafka redelivers the very same record (a consumer restart before its offset was committed)
        RecordMetadata again = TestKafka.publish(a);
        TestKafka.awaitConsumed(again);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.count() == 1);
        assertThat(TestSubscriptions.deliveries(sub)).hasSize(1);
    }

    @Test
    void revisionOfAnAlertedAnnouncementDoesNotAlertAgainButReachesNewSubscribers() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Created first = TestSubscriptions.forKeyword(receiver, word);
        String id = TestAnnouncements.newId();
        TestKafka.publish(TestAnnouncements.announcement(id, 1, "Sanctions on " + word + " annouced", "Body.",
                Kind.SANCTIONS_IMPOSED, "GB"));
        await().atMost(WAIT).until(() -> receiver.count() == 1);

        try (WebhookReceiver late = WebhookReceiver.start()) {
            Created second = TestSubscriptions.forKeyword(late, word);
            // the typo fixed: revision 2
            RecordMetadata revised = TestKafka.publish(TestAnnouncements.announcement(id, 2,
                    "Sanctions on " + word + " announced", "Body.", Kind.SANCTIONS_IMPOSED, "GB"));
            TestKafka.awaitConsumed(revised);

            // the subscriber who was never told hears of the revision ...
            await().atMost(WAIT).until(() -> late.count() == 1);
            JsonNode body = json.readTree(late.received().get(0).body());
            assertThat(body.get("type").asText()).isEqualTo("announcement.revised");
            assertThat(body.get("data").get("revision").asInt()).isEqualTo(2);
            assertSignedByStandardWebhooks(late.received().get(0), second.secret());
            // ... the one who was told is not alerted again
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 1);
            assertThat(TestSubscriptions.deliveries(first)).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("revision", 1));
        }
    }

    @Test
    void filtersOnCountriesKindsAndKeywords() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "countries", List.of("no", "SE"),
                "kinds", List.of("sanctions_imposed"), "keywords", List.of(word + " fleet")));
        String body = "Measures against the " + word.toUpperCase() + "\n  Fleet were announced.";
        RecordMetadata wrongCountry = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "UK sanctions", body, Kind.SANCTIONS_IMPOSED, "GB", "FR"));
        RecordMetadata wrongKind = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Visit", body, Kind.VISIT, "NO"));
        RecordMetadata noKeyword = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Sanctions", "Measures against the " + word + "s fleet.", Kind.SANCTIONS_IMPOSED, "SE"));
        Announcement match = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Sanctions", body,
                Kind.SANCTIONS_IMPOSED, "GB", "SE");
        TestKafka.publish(match);

        await().atMost(WAIT).until(() -> receiver.count() == 1);
        TestKafka.awaitConsumed(wrongCountry);
        TestKafka.awaitConsumed(wrongKind);
        TestKafka.awaitConsumed(noKeyword);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 1);
        assertThat(json.readTree(receiver.received().get(0).body()).get("data").get("id").asText())
                .isEqualTo(match.id());
        assertThat(TestSubscriptions.deliveries(sub)).hasSize(1);
    }

    @Test
    void serverErrorIsRetriedWithTheSameWebhookIdAndDeliveredOnce() {
        receiver.answering(Answer.of(500));
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Summit on " + word, "Body.",
                Kind.SUMMIT, "GB"));

        await().atMost(WAIT).until(() -> receiver.count() == 2);
        List<WebhookReceiver.Received> hooks = receiver.received();
        assertThat(hooks.get(1).header("webhook-id")).isEqualTo(hooks.get(0).header("webhook-id"));
        hooks.forEach(h -> assertSignedByStandardWebhooks(h, sub.secret()));
        assertThat(hooks.get(1).body()).isEqualTo(hooks.get(0).body());
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "delivered").containsEntry("attempts", 2)
                        .containsEntry("last_status_code", 200)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 2);
    }

    @Test
    void retryAfterOfA503IsHonoured() {
        receiver.answering(new Answer(503, "2"));
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Talks on " + word, "Body.",
                Kind.MEETING, "GB"));

        await().atMost(WAIT).until(() -> receiver.count() == 2);
        List<WebhookReceiver.Received> hooks = receiver.received();
        // the test schedule would retry after ~200 ms; the endpoint asked for 2 s
        assertThat(Duration.between(hooks.get(0).at(), hooks.get(1).at())).isGreaterThan(Duration.ofMillis(1500));
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "delivered")));
    }

    @Test
    void failingEndpointIsRetriedOnTheScheduleThenExhausted() {
        receiver.otherwise(500);
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Aid for " + word, "Body.",
                Kind.AID, "GB"));

        // test schedule: three retries after the first attempt
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "exhausted").containsEntry("attempts", 4)
                        .containsEntry("last_status_code", 500).containsEntry("last_error", "HTTP 500")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 4);
    }

    @Test
    void goneDisablesTheEndpoint() {
        receiver.otherwise(410);
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Visit to " + word, "Body.",
                Kind.VISIT, "GB"));

        await().atMost(WAIT).until(() -> TestSubscriptions.get(sub).getString("endpoint_disabled_at") != null);
        assertThat(TestSubscriptions.deliveries(sub)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("status", "failed").containsEntry("last_status_code", 410)
                .containsEntry("next_attempt_at", null));

        RecordMetadata later = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Second visit to " + word, "Body.", Kind.VISIT, "GB"));
        TestKafka.awaitConsumed(later);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 1);
        assertThat(TestSubscriptions.deliveries(sub)).hasSize(1);
    }

    @Test
    void endedSubscriptionIsNotAlerted() {
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, word);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + sub.managementToken())
                .when().delete("/api/subscriptions/" + sub.id()).then().statusCode(204);

        RecordMetadata record = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Meeting on " + word, "Body.", Kind.MEETING, "GB"));
        TestKafka.awaitConsumed(record);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 0);
        assertThat(TestSubscriptions.deliveries(sub)).isEmpty();
    }

    /**
     * Checks a webhook the way a receiver following Standard Webhooks would, independently of the service's
     * signer: HMAC-SHA256 keyed with the decoded secret over id.timestamp.body.
     */
    static void assertSignedByStandardWebhooks(WebhookReceiver.Received hook, String secret) {
        String id = hook.header("webhook-id");
        String timestamp = hook.header("webhook-timestamp");
        String signature = hook.header("webhook-signature");
        assertThat(id).startsWith("msg_");
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 120,
                Instant.now().getEpochSecond() + 5);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + hook.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(signature).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
