package dev.statecraft.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.email.GreenMailTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hung endpoint holds only its own slots: other endpoints' deliveries go on (real receivers, real db). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class EndpointIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void sendTest(Created s) {
        given().header("Authorization", "Bearer " + s.managementToken())
                .post("/api/subscriptions/" + s.id() + "/test").then().statusCode(202);
    }

    @Test
    void aHungEndpointDoesNotDelayAnotherAndGetsAtMostItsConcurrency() {
        try (WebhookReceiver slow = WebhookReceiver.start().holding(); WebhookReceiver fast = WebhookReceiver.start()) {
            Created toSlow = TestSubscriptions.create(Map.of("webhook_url", slow.url()));
            Created toFast = TestSubscriptions.create(Map.of("webhook_url", fast.url()));
            for (int i = 0; i < 8; i++) {
                sendTest(toSlow);
            }
            // the worker is now stuck on the slow endpoint as far as that endpoint allows (2 in flight)
            await().atMost(WAIT).until(() -> slow.count() == 2);

            sendTest(toFast);
            await().atMost(WAIT).until(() -> fast.count() == 1);
            assertThat(TestSubscriptions.deliveries(toFast)).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("status", "delivered"));
            // still hung, and never more than per-endpoint-concurrency requests at it
            assertThat(slow.count()).isEqualTo(2);

            slow.release();
            await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(toSlow))
                    .hasSize(8).allSatisfy(d -> assertThat(d).containsEntry("status", "delivered")));
            List<String> ids = slow.received().stream().map(r -> r.header("webhook-id")).distinct().toList();
            assertThat(ids).hasSize(8);
        }
    }

    @Test
    void aSubscriptionsOwnMaxInFlightIsHowManyRequestsItsEndpointGetsAtOnce() {
        try (WebhookReceiver slow = WebhookReceiver.start().holding()) {
            // 4 = half the test's 8 sender threads, the most one endpoint may take
            Created s = TestSubscriptions.create(Map.of("webhook_url", slow.url(), "webhook_max_in_flight", 4));
            for (int i = 0; i < 8; i++) {
                sendTest(s);
            }
            await().atMost(WAIT).until(() -> slow.count() == 4);
            // and no more while those hang
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> slow.count() == 4);

            slow.release();
            await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(s))
                    .hasSize(8).allSatisfy(d -> assertThat(d).containsEntry("status", "delivered")));
            assertThat(slow.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(8);
        }
    }
}
