package dev.statecraft.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.icegreen.greenmail.util.GreenMail;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.email.GreenMailTestResource;
import dev.statecraft.notify.email.GreenMailTestResource.InjectGreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that has failed every attempt for longer than {@code endpoint-disable-after} (default 5 days; the
 * test moves the start of the failing streak back in the db rather than wait) is disabled, its waiting
 * deliveries cancelled, the owner told by email (GreenMail), and PATCH turns it back on.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class EndpointAutoDisableTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;
    @InjectGreenMail
    GreenMail greenMail;

    private void sql(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void sendTest(Created s) {
        given().header("Authorization", "Bearer " + s.managementToken())
                .post("/api/subscriptions/" + s.id() + "/test").then().statusCode(202);
    }

    private static List<Map<String, Object>> webhookDeliveries(Created s) {
        return TestSubscriptions.deliveries(s).stream().filter(d -> "webhook".equals(d.get("channel"))).toList();
    }

    private List<MimeMessage> disabledNotices(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("[Statecraft Feed] Your webhook endpoint was disabled")
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void failingForTooLongDisablesTellsTheOwnerAndPatchReEnables() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().otherwise(500)) {
            String address = TestAnnouncements.uniqueWord() + "@example.org";
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "email", address));
            sql("update subscription set email_confirmed_at = now() where id = ?", sub.id());

            // failing for a short while: the streak is recorded, the endpoint stays enabled
            sendTest(sub);
            await().atMost(WAIT).until(() -> "exhausted".equals(webhookDeliveries(sub).get(0).get("status")));
            TestSubscriptions.get(sub);
            given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                    .then().body("endpoint_failing_since", notNullValue()).body("endpoint_disabled_at", nullValue());

            // the streak began six days ago: the next failure disables the endpoint
            sql("update subscription set endpoint_failing_since = now() - interval '6 days' where id = ?", sub.id());
            sendTest(sub);
            await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + sub.managementToken())
                    .get("/api/subscriptions/" + sub.id()).then()
                    .body("endpoint_disabled_at", notNullValue())
                    .body("endpoint_disabled_reason", containsString("every attempt failed since"))
                    .body("endpoint_disabled_reason", containsString("HTTP 500")));
            // the failed delivery waits no more: cancelled, and no further attempts reach the endpoint
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(webhookDeliveries(sub).get(0))
                    .containsEntry("status", "failed").containsEntry("next_attempt_at", null)
                    .satisfies(d -> assertThat((String) d.get("last_error")).contains("endpoint disabled")));
            int attempts = receiver.count();

            await().atMost(WAIT).until(() -> disabledNotices(address).size() == 1);
            MimeMessage notice = disabledNotices(address).get(0);
            assertThat(notice.getContent().toString()).isNotEmpty();
            assertThat(TestSubscriptions.deliveries(sub)).anySatisfy(d -> assertThat(d)
                    .containsEntry("channel", "email_endpoint_disabled").containsEntry("status", "delivered"));

            // while disabled, a test alert goes by email only
            sendTest(sub);
            Thread.sleep(1500);
            assertThat(receiver.count()).isEqualTo(attempts);

            // re-enabled by PATCH (false is refused)
            given().header("Authorization", "Bearer " + sub.managementToken()).contentType(ContentType.JSON)
                    .body("{\"endpoint_enabled\": false}").patch("/api/subscriptions/" + sub.id())
                    .then().statusCode(400).body("parameter", org.hamcrest.Matchers.equalTo("endpoint_enabled"));
            given().header("Authorization", "Bearer " + sub.managementToken()).contentType(ContentType.JSON)
                    .body("{\"endpoint_enabled\": true}").patch("/api/subscriptions/" + sub.id())
                    .then().statusCode(200).body("endpoint_disabled_at", nullValue())
                    .body("endpoint_failing_since", nullValue());
            receiver.otherwise(200);
            sendTest(sub);
            await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(r -> r.body().contains("\"test\":true"))
                    && webhookDeliveries(sub).stream().anyMatch(d -> "delivered".equals(d.get("status"))));
        }
    }

    @Test
    void withoutAConfirmedAddressTheEndpointIsDisabledAndNoMailIsSent() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().otherwise(503)) {
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url()));
            sql("update subscription set endpoint_failing_since = now() - interval '6 days' where id = ?", sub.id());
            sendTest(sub);
            await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", "Bearer " + sub.managementToken())
                    .get("/api/subscriptions/" + sub.id()).then().body("endpoint_disabled_at", notNullValue()));
            assertThat(TestSubscriptions.deliveries(sub)).noneSatisfy(d -> assertThat(d.get("channel"))
                    .isEqualTo("email_endpoint_disabled"));
        }
    }
}
