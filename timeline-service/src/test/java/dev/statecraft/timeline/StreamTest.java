package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StreamTest {
    @TestHTTPResource("/api/stream")
    URI stream;

    @Test
    void pushesMatchingChangesAndResumesAfterLastEventId() throws Exception {
        String day = TimelineTest.uniqueDay();
        URI filtered = URI.create(stream + "?country=DE&from=" + day + "&to=" + day);
        String first = Events.newId();
        String second = Events.newId();
        String elsewhere = Events.newId();

        List<SseClient.Event> seen;
        try (SseClient client = new SseClient(filtered, "0")) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            Events.send(Events.announcement(first, 1, "Talks in Berlin", Kind.MEETING, TimelineTest.at(day, 9), "DE"));
            Events.send(Events.announcement(elsewhere, 1, "Talks in Paris", Kind.MEETING, TimelineTest.at(day, 9), "FR"));
            Events.send(Events.announcement(second, 1, "Talks in Bonn", Kind.MEETING, TimelineTest.at(day, 10), "DE"));
            seen = await().atMost(Duration.ofSeconds(30)).until(client::events, events -> events.size() >= 2);
            // Paris was applied between the two but does not match; give it time to show up wrongly.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> client.events().size() == 2);
        }
        assertThat(seen).extracting(e -> JsonPath.from(e.data()).getString("id")).containsExactly(first, second);
        assertThat(seen).extracting(SseClient.Event::name).containsOnly("announcement");
        long firstSeq = Long.parseLong(seen.get(0).id());
        long secondSeq = Long.parseLong(seen.get(1).id());
        assertThat(secondSeq).isGreaterThan(firstSeq);

        // While no one listens, the first announcement is revised: a client resuming gets it, and only it.
        Events.send(Events.announcement(first, 2, "Talks in Berlin, revised", Kind.MEETING, TimelineTest.at(day, 9), "DE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day, "country", "DE")
                .getList("items.revision").contains(2));
        try (SseClient resumed = new SseClient(filtered, Long.toString(secondSeq))) {
            List<SseClient.Event> missed = await().atMost(Duration.ofSeconds(30))
                    .until(resumed::events, events -> !events.isEmpty());
            JsonPath revised = JsonPath.from(missed.get(0).data());
            assertThat(revised.getString("id")).isEqualTo(first);
            assertThat(revised.getInt("revision")).isEqualTo(2);
            assertThat(Long.parseLong(missed.get(0).id())).isGreaterThan(secondSeq);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> resumed.events().size() == 1);
        }
    }

    @Test
    void idleStreamGetsKeepAliveComments() throws Exception {
        // The test profile sends them every 300 ms (statecraft.stream.keep-alive); the default is 15 s.
        String day = TimelineTest.uniqueDay();
        try (SseClient client = new SseClient(URI.create(stream + "?from=" + day + "&to=" + day), null)) {
            assertThat(client.status()).isEqualTo(200);
            List<String> comments = await().atMost(Duration.ofSeconds(10))
                    .until(client::comments, c -> c.size() >= 3);
            assertThat(comments).containsOnly(": keep-alive");
            assertThat(client.events()).isEmpty();
        }
    }

    @Test
    void invalidParametersAreRejectedBeforeStreaming() throws Exception {
        try (SseClient client = new SseClient(URI.create(stream + "?kind=party"), null)) {
            assertThat(client.status()).isEqualTo(400);
        }
        try (SseClient client = new SseClient(stream, "yesterday")) {
            assertThat(client.status()).isEqualTo(400);
        }
    }
}
