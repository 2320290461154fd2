package dev.statecraft.notify.delivery;

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
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * New deliveries are sent when whoever created them has committed them (the consumer, a test alert, a manual
 * retry), not at the worker's next tick: with the tick an hour apart (its first run is at start-up, before anything
 * is published), the webhooks still arrive.
 */
@QuarkusTest
@TestProfile(DeliveryWakeUpTest.HourlyTick.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DeliveryWakeUpTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    EntityManager em;

    public static class HourlyTick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("statecraft.delivery.poll-interval", "1h");
        }
    }

    @Test
    void consumedAnnouncementsAreSentWithoutWaitingForTheTick() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String word = TestAnnouncements.uniqueWord();
            List<Created> subs = List.of(TestSubscriptions.forKeyword(receiver, word),
                    TestSubscriptions.forKeyword(receiver, word), TestSubscriptions.forKeyword(receiver, word));

            Announcement first = TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Minister visits Rome for " + word + " talks", "Body.", Kind.VISIT, "IT");
            TestKafka.publish(first);
            await().atMost(WAIT).until(() -> receiver.count() == 3);

            // a second one, while the claimer may still be finishing the first run: no wake-up is lost
            Announcement second = TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Statement on " + word, "Body.", Kind.STATEMENT, "IT");
            TestKafka.publish(second);
            await().atMost(WAIT).until(() -> receiver.count() == 6);

            for (Created sub : subs) {
                // the outcomes were recorded (in groups) by the holder of the lease
                await().atMost(WAIT).until(() -> TestSubscriptions.deliveries(sub).stream()
                        .allMatch(d -> "delivered".equals(d.get("status"))));
                assertThat(TestSubscriptions.deliveries(sub)).hasSize(2)
                        .allSatisfy(d -> assertThat(d).containsEntry("attempts", 1).containsEntry("last_status_code", 200));
            }
        }
    }

    @Test
    void testAlertsAndManualRetriesAreSentWithoutWaitingForTheTick() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.forKeyword(receiver, TestAnnouncements.uniqueWord());

            String deliveryId = given().header("Authorization", "Bearer " + sub.managementToken())
                    .when().post("/api/subscriptions/" + sub.id() + "/test")
                    .then().statusCode(202).extract().path("deliveries[0].id");
            await().atMost(WAIT).until(() -> receiver.count() == 1);
            await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select status from delivery where id = ?1").setParameter(1, UUID.fromString(deliveryId))
                    .getSingleResult()).equals("delivered"));

            // as if its attempts had run out: a manual retry re-queues it, and it is sent at once
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update delivery set status = 'exhausted', "
                    + "next_attempt_at = null where id = ?1").setParameter(1, UUID.fromString(deliveryId))
                    .executeUpdate());
            given().header("Authorization", "Bearer " + sub.managementToken())
                    .when().post("/api/deliveries/" + deliveryId + "/retry").then().statusCode(202);
            await().atMost(WAIT).until(() -> receiver.count() == 2);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id"))
                    .containsOnly("msg_" + deliveryId);
        }
    }
}
