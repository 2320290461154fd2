package dev.statecraft.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.ingest.store.RawDocumentRow;
import dev.statecraft.support.kafka.AnnouncementRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Identical (or same-URL) posts arriving at the same moment: the new-document insert of one wins, the others
 * wait for its commit and then take the locked path, so they answer duplicate (or become the next revisions)
 * with the same id, and exactly the events that should exist reach the topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrentIntakeTest {
    private static final int POSTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/announcements")
    URI intake;

    record Answer(int status, String id, int revision, String outcome) {
    }

    @Test
    void identicalConcurrentPostsAreOneAnnouncementAndOneEvent() throws Exception {
        String body = "{\"title\":\"Ministers meet in Vienna " + UUID.randomUUID() + "\","
                + "\"body\":\"The Foreign Secretary met the Austrian Foreign Minister in Vienna today.\","
                + "\"published_at\":\"2025-05-02\"}";
        List<Answer> answers = postAllAtOnce(i -> HttpRequest.newBuilder(intake)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        String id = answers.get(0).id();
        assertThat(answers).extracting(Answer::id).containsOnly(id);
        assertThat(answers).extracting(Answer::revision).containsOnly(1);
        assertThat(answers).filteredOn(a -> a.status() == 202).extracting(Answer::outcome).containsExactly("accepted");
        assertThat(answers).filteredOn(a -> a.status() == 200).extracting(Answer::outcome)
                .hasSize(POSTS - 1).containsOnly("duplicate");

        IntakeTest.awaitRecords(id, 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> TopicReader.recordsFor(id).size() == 1);
        assertThat(rawDocuments(id)).isEqualTo(1);
    }

    @Test
    void concurrentPostsOfOneUrlWithDifferentContentAreSuccessiveRevisions() throws Exception {
        String url = "https://www.gov.uk/government/news/" + UUID.randomUUID();
        List<Answer> answers = postAllAtOnce(i -> HttpRequest.newBuilder(URI.create(intake + "?source_url="
                        + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("The UK imposed sanctions on " + (i + 2)
                        + " Russian banks today."))
                .build());

        String id = answers.get(0).id();
        assertThat(answers).extracting(Answer::id).containsOnly(id);
        assertThat(answers).extracting(Answer::status).containsOnly(202);
        assertThat(answers).extracting(Answer::revision)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, POSTS).boxed().toList());
        assertThat(answers).filteredOn(a -> a.revision() == 1).extracting(Answer::outcome).containsExactly("accepted");
        assertThat(answers).filteredOn(a -> a.revision() > 1).extracting(Answer::outcome).containsOnly("revised");

        // every revision reaches the topic, in revision order (one key, one partition)
        List<Integer> revisions = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicReader.recordsFor(id).stream().map(r -> AnnouncementRecords.read(r).revision())
                        .toList(), r -> r.size() >= POSTS);
        assertThat(revisions).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, POSTS).boxed().toList());
        assertThat(rawDocuments(id)).isEqualTo(POSTS);
    }

    private interface RequestFor {
        HttpRequest request(int index);
    }

    /** Sends POSTS requests from as many threads released together; the answers in no particular order. */
    private List<Answer> postAllAtOnce(RequestFor requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService threads = Executors.newFixedThreadPool(POSTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                HttpRequest request = requests.request(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    JsonNode answer = JSON.readTree(response.body());
                    return new Answer(response.statusCode(), answer.path("id").asText(null),
                            answer.path("revision").asInt(), answer.path("status").asText(null));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long rawDocuments(String id) {
        return QuarkusTransaction.requiringNew().call(() -> RawDocumentRow.count("key.announcementId", id));
    }
}
