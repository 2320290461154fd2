package dev.statecraft.notify.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.email.GreenMailTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Secret rotation, verified at a real receiver: both secrets sign during the overlap, then only the new one. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class SecretRotationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    private WebhookReceiver.Received sendTestAndReceive(Created s, WebhookReceiver receiver) {
        int before = receiver.count();
        given().header("Authorization", "Bearer " + s.managementToken())
                .post("/api/subscriptions/" + s.id() + "/test").then().statusCode(202);
        await().atMost(WAIT).until(() -> receiver.count() == before + 1);
        return receiver.received().get(before);
    }

    private static boolean verifies(String secret, WebhookReceiver.Received hook) {
        return WebhookSigner.verify(secret, hook.header("webhook-id"), Long.parseLong(hook.header("webhook-timestamp")),
                hook.body(), hook.header("webhook-signature"));
    }

    @Test
    void bothSecretsSignDuringTheOverlapThenOnlyTheNewOne() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url()));
            String oldSecret = sub.secret();

            given().post("/api/subscriptions/" + sub.id() + "/secret/rotate").then().statusCode(401);
            JsonPath rotated = given().header("Authorization", "Bearer " + sub.managementToken())
                    .post("/api/subscriptions/" + sub.id() + "/secret/rotate").then().statusCode(200)
                    .extract().jsonPath();
            String newSecret = rotated.getString("secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(Instant.parse(rotated.getString("previous_secret_expires_at")))
                    .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
            // shown once: never in the subscription itself
            given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                    .then().statusCode(200).body("$", not(hasKey("secret")));

            WebhookReceiver.Received during = sendTestAndReceive(sub, receiver);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(verifies(newSecret, during)).isTrue();
            assertThat(verifies(oldSecret, during)).isTrue();

            // the overlap ends
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "update subscription set previous_secret_expires_at = now() - interval '1 second' where id = ?")) {
                ps.setObject(1, UUID.fromString(sub.id()));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            WebhookReceiver.Received after = sendTestAndReceive(sub, receiver);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(verifies(newSecret, after)).isTrue();
            assertThat(verifies(oldSecret, after)).isFalse();
        }
    }

    @Test
    void anOperatorMayRotateAndAnEndedSubscriptionCannot() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url()));
            given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                    .post("/api/subscriptions/" + sub.id() + "/secret/rotate").then().statusCode(200);
            given().header("Authorization", "Bearer " + sub.managementToken())
                    .delete("/api/subscriptions/" + sub.id()).then().statusCode(204);
            given().header("Authorization", "Bearer " + sub.managementToken())
                    .post("/api/subscriptions/" + sub.id() + "/secret/rotate").then().statusCode(409)
                    .contentType("application/problem+json");
        }
    }
}
