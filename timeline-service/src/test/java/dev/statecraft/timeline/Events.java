package dev.statecraft.timeline;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real records on the real broker, as ingest-service would write them. */
final class Events {
    private Events() {
    }

    static String newId() {
        return "ann_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static Announcement announcement(String id, int revision, String title, Kind kind, Instant publishedAt,
            String... countries) {
        List<CountryMention> mentions = new ArrayList<>();
        for (String c : countries) {
            mentions.add(new CountryMention(c, List.of()));
        }
        return new Announcement(id, revision, new Source("https://www.gov.uk/government/news/" + id, "FCDO", "text"),
                publishedAt, false, Instant.now(), "1.0.0", title, "summary of " + title, title + ". Body text.",
                kind, mentions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    static void send(Announcement a) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(AnnouncementEvents.HEADER_SPEC_VERSION, bytes("1.0"));
        headers.add(AnnouncementEvents.HEADER_TYPE, bytes(AnnouncementEvents.typeFor(a.revision())));
        headers.add(AnnouncementEvents.HEADER_ID, bytes(AnnouncementEvents.eventId(a.id(), a.revision())));
        headers.add(AnnouncementEvents.HEADER_SUBJECT, bytes(a.id()));
        sendRaw(a.id(), AnnouncementJson.write(a), headers);
    }

    static void sendRaw(String key, String value, RecordHeaders headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KafkaTestResource.broker().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(AnnouncementEvents.TOPIC, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KafkaTestResource.broker().bootstrapServers(), "enable.auto.commit", false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
