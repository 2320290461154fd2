package dev.statecraft.notify.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.email.GreenMailTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Organisation, person and publisher filters (any-of, case-insensitive, AND with the other fields), end to end
 * through the real broker and db. The test announcement mentions the EU ("European Union"), Kaja Kallas, and is
 * published by the FCDO.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class EntityFiltersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Created subscribe(WebhookReceiver receiver, String word, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("webhook_url", receiver.url());
        body.put("keywords", List.of(word));
        return TestSubscriptions.create(body);
    }

    /**
     * Only this test's announcement counts: a receiver's port may be one an earlier test's closed receiver had,
     * and that test's subscriptions may still be retrying deliveries to it.
     */
    private static long alertsAbout(WebhookReceiver receiver, String announcementId) {
        return receiver.received().stream().filter(r -> r.body().contains(announcementId)).count();
    }

    @Test
    void organisationPersonAndPublisherFiltersDecideWhoIsAlerted() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("org by id", Map.of("organisations", List.of("eu")));
        cases.put("org by name", Map.of("organisations", List.of("NATO", "european union")));
        cases.put("person", Map.of("persons", List.of("kaja kallas")));
        cases.put("publisher", Map.of("publishers", List.of("Foreign, Commonwealth & Development Office")));
        cases.put("all three", Map.of("organisations", List.of("EU"), "persons", List.of("Kaja Kallas"),
                "publishers", List.of("foreign, commonwealth & development office")));
        cases.put("other org", Map.of("organisations", List.of("NATO")));
        cases.put("other person", Map.of("persons", List.of("Someone Else")));
        cases.put("other publisher", Map.of("publishers", List.of("Prime Minister's Office")));
        cases.put("person but other publisher", Map.of("persons", List.of("Kaja Kallas"),
                "publishers", List.of("Prime Minister's Office")));
        Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
                WebhookReceiver receiver = WebhookReceiver.start();
                receivers.put(c.getKey(), receiver);
                subscribe(receiver, word, c.getValue());
            }
            String id = TestAnnouncements.newId();
            TestKafka.awaitConsumed(TestKafka.publish(TestAnnouncements.announcement(id, 1,
                    "Statement on " + word, "Body.", Kind.STATEMENT, "GB")));
            List<String> expected = List.of("org by id", "org by name", "person", "publisher", "all three");
            await().atMost(WAIT).until(() -> expected.stream().allMatch(k -> alertsAbout(receivers.get(k), id) == 1));
            Thread.sleep(1500);
            receivers.forEach((name, receiver) -> assertThat(alertsAbout(receiver, id)).as(name)
                    .isEqualTo(expected.contains(name) ? 1 : 0));
        } finally {
            receivers.values().forEach(WebhookReceiver::close);
        }
    }

    @Test
    void filtersAreValidatedShownAndPatchable() {
        given().contentType(ContentType.JSON)
                .body(Map.of("webhook_url", "http://127.0.0.1:9/hook", "persons", List.of(" ")))
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("persons"));
        given().contentType(ContentType.JSON)
                .body(Map.of("webhook_url", "http://127.0.0.1:9/hook", "publishers", "not a list"))
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("publishers"));
        Created sub = TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/hook",
                "organisations", List.of("EU", "eu", "NATO")));
        assertThat(TestSubscriptions.get(sub).getList("organisations")).containsExactly("EU", "NATO");
        given().header("Authorization", "Bearer " + sub.managementToken()).contentType(ContentType.JSON)
                .body("{\"organisations\": null, \"persons\": [\"Kaja Kallas\"]}")
                .patch("/api/subscriptions/" + sub.id()).then().statusCode(200);
        assertThat(TestSubscriptions.get(sub).getList("organisations")).isEmpty();
        assertThat(TestSubscriptions.get(sub).getList("persons")).containsExactly("Kaja Kallas");
    }
}
