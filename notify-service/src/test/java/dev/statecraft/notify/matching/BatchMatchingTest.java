package dev.statecraft.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.support.tracing.StoredTraceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The consumer works on batches of records: a batch must give exactly what consuming its records one by one
 * gives — the revision rule between revisions of one announcement in the same batch, no second alert for a
 * record that comes twice, and a poison record dead-lettered on its own while the rest of the batch is applied.
 */
@QuarkusTest
class BatchMatchingTest {
    @Inject
    SubscriptionMatcher matcher;

    @Test
    void aBatchFollowsTheRevisionRuleAndDedupesAsRecordByRecordWould() {
        String word = TestAnnouncements.uniqueWord();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            var told = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "keywords", List.of(word)));
            var optedIn = TestSubscriptions.create(Map.of("webhook_url", receiver.url(), "keywords", List.of(word),
                    "notify_on_revisions", true));
            String id = TestAnnouncements.newId();
            Announcement first = TestAnnouncements.announcement(id, 1, "Talks on " + word, "Body.", Kind.MEETING, "FR");
            Announcement corrected = TestAnnouncements.announcement(id, 2, "Talks on " + word + " (corrected)", "Body.",
                    Kind.MEETING, "FR");
            Announcement other = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "More on " + word,
                    "Body.", Kind.MEETING, "FR");
            Announcement unmatched = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Nothing here",
                    "Body.", Kind.MEETING, "FR");

            List<SubscriptionMatcher.Result> results = QuarkusTransaction.requiringNew().call(() -> matcher.matchAll(
                    List.of(event(first), event(first), event(corrected), event(unmatched), event(other))));

            // (other tests' subscriptions that match everything share the database: compare with `unmatched`)
            int everything = results.get(3).matched();
            assertThat(results).extracting(SubscriptionMatcher.Result::matched)
                    .containsExactly(everything + 2, everything + 2, everything + 2, everything, everything + 2);
            assertThat(results.get(1).created()).as("the same record twice in one batch").isZero();
            // revision 1: both subscriptions; the same record again: nothing; revision 2: only the one that opted in
            assertThat(deliveries(told)).containsExactlyInAnyOrder(id + "/1", other.id() + "/1");
            assertThat(deliveries(optedIn)).containsExactlyInAnyOrder(id + "/1", id + "/2", other.id() + "/1");
            // and the same batch again (a redelivery after a crash before the offsets were committed) adds nothing
            List<SubscriptionMatcher.Result> again = QuarkusTransaction.requiringNew().call(() -> matcher.matchAll(
                    List.of(event(first), event(corrected), event(other))));
            assertThat(again).extracting(SubscriptionMatcher.Result::created).containsExactly(0, 0, 0);
            assertThat(deliveries(told)).hasSize(2);
            assertThat(deliveries(optedIn)).hasSize(3);
        }
    }

    private static List<String> deliveries(TestSubscriptions.Created s) {
        return TestSubscriptions.deliveries(s).stream().map(d -> d.get("announcement_id") + "/" + d.get("revision"))
                .toList();
    }

    @Test
    void aBurstWithAPoisonRecordAndADuplicateAlertsEachSubscriberOncePerRevision() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        try (WebhookReceiver told = WebhookReceiver.start(); WebhookReceiver optedIn = WebhookReceiver.start()) {
            TestSubscriptions.create(Map.of("webhook_url", told.url(), "keywords", List.of(word)));
            TestSubscriptions.create(Map.of("webhook_url", optedIn.url(), "keywords", List.of(word),
                    "notify_on_revisions", true));
            String id = TestAnnouncements.newId();
            Announcement first = TestAnnouncements.announcement(id, 1, "Visit on " + word, "Body.", Kind.VISIT, "DE");
            Announcement corrected = TestAnnouncements.announcement(id, 2, "Visit on " + word + " (corrected)", "Body.",
                    Kind.VISIT, "DE");
            Announcement other = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Summit on " + word,
                    "Body.", Kind.SUMMIT, "DE");
            String poisonKey = "poison-batch-" + UUID.randomUUID();

            // one partition, back to back, so the consumer sees them in few polls (usually one batch)
            int partition = 3;
            send(partition, first);
            RecordMetadata poison = TestKafka.send(partition, poisonKey, "{ not json", AnnouncementEvents.TYPE_PUBLISHED_V1,
                    poisonKey);
            send(partition, first);
            send(partition, corrected);
            RecordMetadata last = send(partition, other);
            TestKafka.awaitConsumed(last);

            await().atMost(Duration.ofSeconds(30)).until(() -> told.count() == 2 && optedIn.count() == 3);
            Thread.sleep(1500); // nothing more comes: no second alert for the duplicate, none for rev 2 to `told`
            assertThat(alerts(told)).containsExactlyInAnyOrder(id + "/1", other.id() + "/1");
            assertThat(alerts(optedIn)).containsExactlyInAnyOrder(id + "/1", id + "/2", other.id() + "/1");
            assertThat(deadLetterKeys()).contains(poisonKey);
            assertThat(poison.offset()).isLessThan(last.offset());
        }
    }

    private static SubscriptionMatcher.Event event(Announcement a) {
        return new SubscriptionMatcher.Event(a, new StoredTraceContext(null, null));
    }

    private static RecordMetadata send(int partition, Announcement a) {
        return TestKafka.send(partition, a.id(), AnnouncementJson.write(a), AnnouncementEvents.typeFor(a.revision()),
                a.id());
    }

    private static List<String> alerts(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> AnnouncementJson.read(r.body(), JsonNode.class).path("data"))
                .map(d -> d.path("id").asText() + "/" + d.path("revision").asInt()).toList();
    }

    private static List<String> deadLetterKeys() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AnnouncementEvents.DLQ_NOTIFY).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> keys = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
