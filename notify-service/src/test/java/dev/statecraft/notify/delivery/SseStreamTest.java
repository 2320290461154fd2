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
import dev.statecraft.notify.email.GreenMailTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sse channel read by a real HTTP client: live events, resuming with Last-Event-ID, keep-alives, no doubles. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
class SseStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    /** A stream being read on its own thread: events (id, event, data) and comment lines as they arrive. */
    static final class Stream implements AutoCloseable {
        final List<Map<String, String>> events = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        final int status;
        final String contentType;
        private final InputStream body;

        Stream(URI uri, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("content-type").orElse("");
            body = response.body();
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                Map<String, String> event = new HashMap<>();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (!event.isEmpty()) {
                            events.add(Map.copyOf(event));
                        }
                        event.clear();
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else {
                        int colon = line.indexOf(':');
                        String value = line.substring(colon + 1).stripLeading();
                        event.merge(line.substring(0, colon), value, (a, b) -> a + "\n" + b);
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        List<String> ids() {
            return events.stream().map(e -> e.get("id")).toList();
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private Stream open(Created s, String lastEventId) throws Exception {
        return new Stream(base.resolve("/api/subscriptions/" + s.id() + "/stream"), s.managementToken(), lastEventId);
    }

    private static Announcement about(String word) {
        return TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Statement on " + word, "Body about " + word,
                Kind.STATEMENT, "GB");
    }

    @Test
    void streamsMatchesLiveResumesWithLastEventIdAndNeverDoubles() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Created sub = TestSubscriptions.create(Map.of("sse", true, "keywords", List.of(word)));
        Announcement first = about(word);
        Announcement second = about(word);
        Announcement third = about(word);

        try (Stream stream = open(sub, null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            TestKafka.awaitConsumed(TestKafka.publish(first));
            await().atMost(WAIT).until(() -> stream.events.size() == 1);
            Map<String, String> event = stream.events.get(0);
            assertThat(event).containsEntry("id", "1").containsEntry("event", "announcement.published");
            assertThat(event.get("data")).contains("\"id\":\"" + first.id() + "\"");
            // keep-alive comments on an idle stream (1 s in tests)
            await().atMost(WAIT).until(() -> stream.comments.stream().anyMatch(c -> c.contains("keep-alive")));
        }

        // while nobody listens: a new match, and the first one redelivered by Kafka (no second event for it)
        TestKafka.awaitConsumed(TestKafka.publish(second));
        TestKafka.awaitConsumed(TestKafka.publish(first));

        try (Stream resumed = open(sub, "1")) {
            await().atMost(WAIT).until(() -> resumed.events.size() == 1);
            assertThat(resumed.events.get(0)).containsEntry("id", "2");
            assertThat(resumed.events.get(0).get("data")).contains(second.id());
            TestKafka.awaitConsumed(TestKafka.publish(third));
            await().atMost(WAIT).until(() -> resumed.events.size() == 2);
            assertThat(resumed.ids()).containsExactly("2", "3");
            assertThat(resumed.events.get(1).get("data")).contains(third.id());
        }

        // from the start: everything once, in order
        try (Stream replay = open(sub, null)) {
            await().atMost(WAIT).until(() -> replay.events.size() == 3);
            Thread.sleep(1000);
            assertThat(replay.ids()).containsExactly("1", "2", "3");
        }
        assertThat(TestSubscriptions.deliveries(sub)).hasSize(3)
                .allSatisfy(d -> assertThat(d).containsEntry("channel", "sse").containsEntry("status", "delivered"));
    }

    @Test
    void testAlertsGoToTheStreamAndAccessIsChecked() throws Exception {
        Created sub = TestSubscriptions.create(Map.of("sse", true));
        given().get("/api/subscriptions/" + sub.id() + "/stream").then().statusCode(401);
        given().header("Authorization", "Bearer " + sub.managementToken()).header("Last-Event-ID", "abc")
                .get("/api/subscriptions/" + sub.id() + "/stream").then().statusCode(400)
                .contentType("application/problem+json");
        Created webhookOnly = TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/hook"));
        given().header("Authorization", "Bearer " + webhookOnly.managementToken())
                .get("/api/subscriptions/" + webhookOnly.id() + "/stream").then().statusCode(409);

        try (Stream stream = new Stream(base.resolve("/api/subscriptions/" + sub.id() + "/stream"),
                TestSubscriptions.OPERATOR_TOKEN, null)) {
            given().header("Authorization", "Bearer " + sub.managementToken())
                    .post("/api/subscriptions/" + sub.id() + "/test").then().statusCode(202);
            await().atMost(WAIT).until(() -> stream.events.size() == 1);
            assertThat(stream.events.get(0)).containsEntry("event", "announcement.test").containsEntry("id", "1");
        }
    }
}
