package dev.statecraft.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Records no v1 reader can apply go to the notify dead-letter topic, and consuming goes on after them. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerMovesOn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String notJsonKey = "poison-notjson-" + run;
        String v2Key = "poison-v2-" + run;
        String noIdKey = "poison-noid-" + run;
        String word = TestAnnouncements.uniqueWord();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            TestSubscriptions.forKeyword(receiver, word);
            // all on one partition, so the good record really comes after the poison
            int partition = 0;
            TestKafka.send(partition, notJsonKey, "this is { not json", AnnouncementEvents.TYPE_PUBLISHED_V1, notJsonKey);
            String v2Json = AnnouncementJson.write(TestAnnouncements.announcement(v2Key, 1, "From the future " + word,
                    "Body.", Kind.VISIT, "GB"));
            TestKafka.send(partition, v2Key, v2Json, "dev.statecraft.announcement.published.v2", v2Key);
            ObjectNode withoutId = (ObjectNode) AnnouncementJson.mapper().readTree(v2Json);
            withoutId.remove("id");
            String noIdJson = withoutId.toString();
            TestKafka.send(partition, noIdKey, noIdJson, AnnouncementEvents.TYPE_PUBLISHED_V1, noIdKey);
            var good = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "After the poison: " + word,
                    "Body.", Kind.VISIT, "GB");
            TestKafka.send(partition, good.id(), AnnouncementJson.write(good), AnnouncementEvents.TYPE_PUBLISHED_V1,
                    good.id());

            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.count() == 1);
            assertThat(receiver.received().get(0).body()).contains(good.id());
        }

        Map<String, ConsumerRecord<String, String>> dead = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AnnouncementEvents.DLQ_NOTIFY).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().endsWith(run)) {
                        dead.put(r.key(), r);
                    }
                });
                return dead.size() == 3;
            });
        }
        assertThat(dead.get(notJsonKey).value()).isEqualTo("this is { not json");
        assertThat(reason(dead.get(notJsonKey))).contains("not a valid announcement event");
        assertThat(reason(dead.get(v2Key))).contains("unknown event type dev.statecraft.announcement.published.v2");
        assertThat(reason(dead.get(noIdKey))).contains("event has no id");
        assertThat(header(dead.get(v2Key), "dead-letter-topic")).isEqualTo(AnnouncementEvents.TOPIC);
        assertThat(header(dead.get(v2Key), "dead-letter-partition")).isEqualTo("0");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return header(record, "dead-letter-reason");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
