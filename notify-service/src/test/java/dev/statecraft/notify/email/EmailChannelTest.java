package dev.statecraft.notify.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.icegreen.greenmail.util.GreenMail;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.email.GreenMailTestResource.InjectGreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The email channel over real SMTP (GreenMail in the test JVM): double opt-in, alerts with HTML and text
 * bodies and RFC 8058 one-click unsubscribe headers, unsubscribing, and email beside a webhook.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class EmailChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/confirm\\?token=[A-Za-z0-9_-]+");

    @InjectGreenMail
    GreenMail greenMail;

    private static String newAddress() {
        return TestAnnouncements.uniqueWord() + "@example.org";
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The first part of the given type, searching nested multiparts. */
    private static String part(MimeMessage message, String type) throws Exception {
        String found = part(message.getContent(), type);
        if (found == null && message.isMimeType(type)) {
            return (String) message.getContent();
        }
        return found;
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                if (p.isMimeType(type)) {
                    return (String) p.getContent();
                }
                String nested = part(p.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Path and query of a link in an email (its host is the configured public base URL). */
    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private String confirmLink(String address) throws Exception {
        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        MimeMessage confirmation = mailTo(address).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your Statecraft Feed alerts");
        Matcher text = CONFIRM_LINK.matcher(part(confirmation, "text/plain"));
        assertThat(text.find()).isTrue();
        assertThat(part(confirmation, "text/html")).contains(text.group());
        return text.group();
    }

    @Test
    void doubleOptInThenAlertsWithUnsubscribeHeadersThenOneClickUnsubscribe() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        String address = newAddress();
        Created sub = TestSubscriptions.create(Map.of("email", address, "keywords", List.of(word)));
        TestSubscriptions.get(sub);
        given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                .then().body("email", equalTo(address)).body("email_confirmed_at", nullValue())
                .body("webhook_url", nullValue());
        String confirm = confirmLink(address);

        // before confirmation nothing else is sent: no alert, no test alert
        RecordMetadata early = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Early talks on " + word, "Body.", Kind.MEETING, "GB"));
        TestKafka.awaitConsumed(early);
        given().header("Authorization", "Bearer " + sub.managementToken())
                .post("/api/subscriptions/" + sub.id() + "/test")
                .then().statusCode(409).body("type", containsString("no-active-channel"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailTo(address).size() == 1);
        assertThat(TestSubscriptions.deliveries(sub)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("channel", "email_confirmation").containsEntry("status", "delivered")
                .containsEntry("last_status_code", 250));

        // a wrong token confirms nothing; the right one does, and again is harmless
        given().get("/api/subscriptions/" + sub.id() + "/confirm?token=smt_wrong").then().statusCode(404);
        given().get(pathOf(confirm)).then().statusCode(200).body(containsString("confirmed"));
        given().get(pathOf(confirm)).then().statusCode(200);
        given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                .then().body("email_confirmed_at", notNullValue());

        String title = "Talks on " + word + " & <friends>";
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, title, "Body.", Kind.MEETING,
                "GB", "UA"));
        await().atMost(WAIT).until(() -> mailTo(address).size() == 2);
        MimeMessage alert = mailTo(address).get(1);
        assertThat(alert.getSubject()).isEqualTo("[Statecraft Feed] " + title);
        String listUnsubscribe = alert.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).matches("<https?://\\S+/api/subscriptions/" + sub.id()
                + "/unsubscribe\\?token=[A-Za-z0-9_-]+>");
        assertThat(alert.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        String html = part(alert, "text/html");
        String text = part(alert, "text/plain");
        assertThat(html).contains("Talks on " + word + " &amp; &lt;friends&gt;").contains("GB, UA")
                .contains("href=\"" + unsubscribe + "\"").doesNotContain("<friends>");
        assertThat(text).contains(title).contains("Countries: GB, UA").contains("Unsubscribe: " + unsubscribe);

        // the link in the body shows a button (GET changes nothing) ...
        given().get(pathOf(unsubscribe)).then().statusCode(200).body(containsString("<form method=\"post\""));
        given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                .then().body("ended_at", nullValue());
        // ... a wrong token does nothing, and the mail client's one-click POST ends the subscription
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post("/api/subscriptions/" + sub.id() + "/unsubscribe?token=wrong").then().statusCode(404);
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(pathOf(unsubscribe))
                .then().statusCode(200).body(containsString("unsubscribed"));
        given().header("Authorization", "Bearer " + sub.managementToken()).get("/api/subscriptions/" + sub.id())
                .then().body("ended_at", notNullValue()).body("ended_reason", equalTo("unsubscribed by email link"));
        assertThat(TestSubscriptions.deliveries(sub)).hasSize(2);

        RecordMetadata after = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "More talks on " + word, "Body.", Kind.MEETING, "GB"));
        TestKafka.awaitConsumed(after);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailTo(address).size() == 2);
    }

    @Test
    void emailBesideAWebhookGetsItsOwnDeliveriesAndTestAlerts() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        String address = newAddress();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "email", address,
                    "keywords", List.of(word)));
            given().get(pathOf(confirmLink(address))).then().statusCode(200);

            TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Aid for " + word,
                    "Body.", Kind.AID, "GB"));
            await().atMost(WAIT).until(() -> receiver.count() == 1 && mailTo(address).size() == 2);
            await().atMost(WAIT).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub))
                    .filteredOn(d -> !"email_confirmation".equals(d.get("channel")))
                    .extracting(d -> d.get("channel") + ":" + d.get("status"))
                    .containsExactlyInAnyOrder("webhook:delivered", "email:delivered"));

            given().header("Authorization", "Bearer " + sub.managementToken())
                    .post("/api/subscriptions/" + sub.id() + "/test")
                    .then().statusCode(202).body("deliveries.channel", equalTo(List.of("webhook", "email")));
            await().atMost(WAIT).until(() -> receiver.count() == 2 && mailTo(address).size() == 3);
            MimeMessage test = mailTo(address).get(2);
            assertThat(test.getSubject()).startsWith("[Statecraft Feed test] ");
            assertThat(part(test, "text/plain")).contains("THIS IS A TEST ALERT");
            assertThat(test.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        }
    }

    @jakarta.inject.Inject
    dev.statecraft.notify.digest.DigestJob digests;

    @Test
    void dailyDigestByEmailGroupsByKindAndCountry() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        String address = newAddress();
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/London");
        Created sub = TestSubscriptions.create(Map.of("email", address, "keywords", List.of(word),
                "frequency", "daily", "timezone", zone.getId()));
        given().get(pathOf(confirmLink(address))).then().statusCode(200);
        TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Visit & talks on " + word,
                "Body.", Kind.VISIT, "GB"));
        RecordMetadata last = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Sanctions on " + word, "Body.", Kind.SANCTIONS_IMPOSED, "UA"));
        TestKafka.awaitConsumed(last);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailTo(address).size() == 1);

        java.time.ZonedDateTime run = java.time.ZonedDateTime.now(zone).toLocalDate().atTime(8, 30).atZone(zone);
        while (!run.minusMinutes(30).toInstant().isAfter(java.time.Instant.now())) {
            run = run.plusDays(1);
        }
        digests.runDue(run.toInstant());
        await().atMost(WAIT).until(() -> mailTo(address).size() == 2);
        MimeMessage digest = mailTo(address).get(1);
        assertThat(digest.getSubject()).isEqualTo("[Statecraft Feed] Your daily digest: 2 announcements");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(digest.getHeader("List-Unsubscribe", null)).contains("/api/subscriptions/" + sub.id() + "/unsubscribe?token=");
        String html = part(digest, "text/html");
        String text = part(digest, "text/plain");
        assertThat(html).contains("sanctions imposed — UA").contains("visit — GB")
                .contains("Visit &amp; talks on " + word).contains("Sanctions on " + word);
        assertThat(html.indexOf("sanctions imposed — UA")).isLessThan(html.indexOf("visit — GB"));
        assertThat(text).contains("visit — GB").contains("- Visit & talks on " + word).contains("Unsubscribe: ");
    }

    @Test
    void addressIsValidatedAndAChannelIsRequired() {
        for (String bad : List.of("not-an-address", "a@b", "a b@example.org", "x@example.org\r\nBcc: y@example.org")) {
            given().contentType(ContentType.JSON).body(Map.of("email", bad)).post("/api/subscriptions")
                    .then().statusCode(400).body("parameter", equalTo("email"));
        }
        given().contentType(ContentType.JSON).body(Map.of("keywords", List.of("x"))).post("/api/subscriptions")
                .then().statusCode(400).body("parameter", equalTo("webhook_url"));
        given().contentType(ContentType.JSON).body(Map.of("email", "Someone@EXAMPLE.org")).post("/api/subscriptions")
                .then().statusCode(201).body("email", equalTo("Someone@example.org"))
                .body("email_confirmed_at", nullValue());
    }
}
