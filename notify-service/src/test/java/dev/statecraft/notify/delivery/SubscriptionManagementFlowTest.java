package dev.statecraft.notify.delivery;

import static dev.statecraft.notify.delivery.WebhookDeliveryTest.assertSignedByStandardWebhooks;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managing a subscription end to end, through the real broker, database and HTTP receivers: test alerts,
 * manual retries with the same webhook-id, PATCHed filters and endpoints driving matching, and the revisions
 * opt-in.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SubscriptionManagementFlowTest {
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

    private static ValidatableResponse post(String token, String path) {
        return given().header("Authorization", "Bearer " + token).when().post(path).then();
    }

    private static ValidatableResponse patch(Created s, String body) {
        return given().header("Authorization", "Bearer " + s.managementToken()).contentType(ContentType.JSON)
                .body(body).when().patch("/api/subscriptions/" + s.id()).then();
    }

    @Test
    void testAlertIsASignedSampleMarkedAsTest() throws Exception {
        Created sub = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());

        String deliveryId = post(sub.managementToken(), "/api/subscriptions/" + sub.id() + "/test")
                .statusCode(202).body("deliveries[0].test", equalTo(true))
                .body("deliveries[0].status", equalTo("pending")).body("deliveries[0].channel", equalTo("webhook"))
                .body("deliveries.size()", equalTo(1))
                .extract().path("deliveries[0].id");

        await().atMost(WAIT).until(() -> receiver.count() == 1);
        WebhookReceiver.Received hook = receiver.received().get(0);
        assertSignedByStandardWebhooks(hook, sub.secret());
        assertThat(hook.header("webhook-id")).isEqualTo("msg_" + deliveryId);
        JsonNode body = json.readTree(hook.body());
        assertThat(body.get("type").asText()).isEqualTo("announcement.test");
        assertThat(body.get("test").asBoolean()).isTrue();
        assertThat(body.get("data").get("title").asText()).contains("Test alert");
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "delivered").containsEntry("test", true)));

        // the operator may send one too; anyone else may not
        post(TestSubscriptions.OPERATOR_TOKEN, "/api/subscriptions/" + sub.id() + "/test").statusCode(202);
        Created other = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());
        post(other.managementToken(), "/api/subscriptions/" + sub.id() + "/test").statusCode(401);
        await().atMost(WAIT).until(() -> receiver.count() == 2);
    }

    @Test
    void testAlertOfAnEndedSubscriptionIs409() {
        Created sub = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());
        given().header("Authorization", "Bearer " + sub.managementToken()).delete("/api/subscriptions/" + sub.id())
                .then().statusCode(204);
        post(sub.managementToken(), "/api/subscriptions/" + sub.id() + "/test").statusCode(409)
                .contentType("application/problem+json").body("type", containsString("subscription-ended"));
        assertThat(TestSubscriptions.deliveries(sub)).isEmpty();
    }

    @Test
    void exhaustedDeliveryIsRetriedByHandWithTheSameWebhookId() {
        receiver.otherwise(500);
        Created sub = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());
        String deliveryId = post(sub.managementToken(), "/api/subscriptions/" + sub.id() + "/test")
                .statusCode(202).extract().path("deliveries[0].id");
        // test schedule: first attempt plus three retries, then exhausted
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "exhausted").containsEntry("attempts", 4)));
        assertThat(receiver.count()).isEqualTo(4);

        // only its owner or the operator may retry it; the operator alone learns that an id does not exist
        Created other = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());
        post(other.managementToken(), "/api/deliveries/" + deliveryId + "/retry").statusCode(401);
        given().when().post("/api/deliveries/" + deliveryId + "/retry").then().statusCode(401);
        post(sub.managementToken(), "/api/deliveries/" + UUID.randomUUID() + "/retry").statusCode(401);
        post(TestSubscriptions.OPERATOR_TOKEN, "/api/deliveries/" + UUID.randomUUID() + "/retry").statusCode(404);
        post(TestSubscriptions.OPERATOR_TOKEN, "/api/deliveries/not-a-uuid/retry").statusCode(404);

        receiver.otherwise(200);
        post(sub.managementToken(), "/api/deliveries/" + deliveryId + "/retry").statusCode(202)
                .body("status", equalTo("pending")).body("manual_retries", equalTo(1));

        await().atMost(WAIT).until(() -> receiver.count() == 5);
        List<WebhookReceiver.Received> hooks = receiver.received();
        assertThat(hooks).extracting(h -> h.header("webhook-id")).containsOnly("msg_" + deliveryId);
        assertThat(hooks.get(4).body()).isEqualTo(hooks.get(0).body());
        assertSignedByStandardWebhooks(hooks.get(4), sub.secret());
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "delivered").containsEntry("attempts", 1)
                        .containsEntry("manual_retries", 1)));

        // a delivered delivery is not retried
        post(TestSubscriptions.OPERATOR_TOKEN, "/api/deliveries/" + deliveryId + "/retry").statusCode(409)
                .body("type", containsString("delivery-not-retryable"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 5);
    }

    @Test
    void goneEndpointIsReplacedByPatchAndTheFailedDeliveryRetriedThere() {
        receiver.otherwise(410);
        Created sub = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());
        String deliveryId = post(sub.managementToken(), "/api/subscriptions/" + sub.id() + "/test")
                .statusCode(202).extract().path("deliveries[0].id");
        await().atMost(WAIT).until(() -> TestSubscriptions.get(sub).getString("endpoint_disabled_at") != null);
        post(sub.managementToken(), "/api/deliveries/" + deliveryId + "/retry").statusCode(409)
                .body("type", containsString("endpoint-disabled"));
        post(sub.managementToken(), "/api/subscriptions/" + sub.id() + "/test").statusCode(409)
                .body("type", containsString("no-active-channel"));

        try (WebhookReceiver replacement = WebhookReceiver.start()) {
            patch(sub, "{\"webhook_url\": \"" + replacement.url() + "\"}").statusCode(200)
                    .body("webhook_url", equalTo(replacement.url())).body("endpoint_disabled_at", equalTo(null));
            post(sub.managementToken(), "/api/deliveries/" + deliveryId + "/retry").statusCode(202);
            await().atMost(WAIT).until(() -> replacement.count() == 1);
            assertThat(replacement.received().get(0).header("webhook-id")).isEqualTo("msg_" + deliveryId);
            assertSignedByStandardWebhooks(replacement.received().get(0), sub.secret());
        }
        assertThat(receiver.count()).isEqualTo(1);
    }

    @Test
    void patchedFiltersAndEndpointDecideWhatIsSentWhere() throws Exception {
        String before = TestAnnouncements.uniqueWord();
        String after = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.forKeyword(receiver, before);
        try (WebhookReceiver moved = WebhookReceiver.start()) {
            patch(sub, "{\"keywords\": [\"" + after + "\"], \"kinds\": [\"summit\"], \"webhook_url\": \""
                    + moved.url() + "\"}").statusCode(200);

            RecordMetadata oldKeyword = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Summit on " + before, "Body.", Kind.SUMMIT, "GB"));
            RecordMetadata wrongKind = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Visit on " + after, "Body.", Kind.VISIT, "GB"));
            String matching = TestAnnouncements.newId();
            TestKafka.publish(TestAnnouncements.announcement(matching, 1, "Summit on " + after, "Body.", Kind.SUMMIT,
                    "GB"));

            await().atMost(WAIT).until(() -> moved.count() == 1);
            TestKafka.awaitConsumed(oldKeyword);
            TestKafka.awaitConsumed(wrongKind);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> moved.count() == 1);
            assertThat(json.readTree(moved.received().get(0).body()).get("data").get("id").asText())
                    .isEqualTo(matching);
            assertThat(receiver.count()).isZero();
        }
    }

    @Test
    void revisionsReachOnlySubscriptionsThatOptedIn() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Created optedIn = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "keywords", List.of(word),
                "notify_on_revisions", true));
        try (WebhookReceiver plain = WebhookReceiver.start()) {
            Created notOptedIn = TestSubscriptions.forKeyword(plain, word);
            String id = TestAnnouncements.newId();
            TestKafka.publish(TestAnnouncements.announcement(id, 1, "Sanctions on " + word + " annouced", "Body.",
                    Kind.SANCTIONS_IMPOSED, "GB"));
            await().atMost(WAIT).until(() -> receiver.count() == 1 && plain.count() == 1);

            RecordMetadata revised = TestKafka.publish(TestAnnouncements.announcement(id, 2,
                    "Sanctions on " + word + " announced", "Body.", Kind.SANCTIONS_IMPOSED, "GB"));
            await().atMost(WAIT).until(() -> receiver.count() == 2);
            JsonNode body = json.readTree(receiver.received().get(1).body());
            assertThat(body.get("type").asText()).isEqualTo("announcement.revised");
            assertThat(body.get("data").get("revision").asInt()).isEqualTo(2);
            assertThat(body.get("data").get("title").asText()).isEqualTo("Sanctions on " + word + " announced");
            assertSignedByStandardWebhooks(receiver.received().get(1), optedIn.secret());
            TestKafka.awaitConsumed(revised);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> plain.count() == 1);

            // the same revision redelivered by Kafka is still sent once
            RecordMetadata again = TestKafka.publish(TestAnnouncements.announcement(id, 2,
                    "Sanctions on " + word + " announced", "Body.", Kind.SANCTIONS_IMPOSED, "GB"));
            TestKafka.awaitConsumed(again);

            // the other subscriber opts in later and hears of the next revision
            patch(notOptedIn, "{\"notify_on_revisions\": true}").statusCode(200);
            TestKafka.publish(TestAnnouncements.announcement(id, 3, "Sanctions on " + word + " announced today",
                    "Body.", Kind.SANCTIONS_IMPOSED, "GB"));
            await().atMost(WAIT).until(() -> plain.count() == 2 && receiver.count() == 3);
            assertThat(json.readTree(plain.received().get(1).body()).get("data").get("revision").asInt()).isEqualTo(3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> plain.count() == 2 && receiver.count() == 3);
            assertThat(TestSubscriptions.deliveries(optedIn)).extracting(d -> d.get("revision"))
                    .containsExactlyInAnyOrder(1, 2, 3);
            assertThat(TestSubscriptions.deliveries(notOptedIn)).extracting(d -> d.get("revision"))
                    .containsExactlyInAnyOrder(1, 3);
        }
    }
}
