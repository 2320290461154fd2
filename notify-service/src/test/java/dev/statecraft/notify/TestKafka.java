package dev.statecraft.notify;

import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Talks to the test broker as ingest-service would: plain producer, CloudEvents binary-mode headers. */
public final class TestKafka {
    public static final String GROUP = "notify-service";
    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return KafkaTestResource.broker().bootstrapServers();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Publishes an event exactly as the ingest relay does. */
    public static RecordMetadata publish(Announcement a) {
        return send(null, a.id(), AnnouncementJson.write(a), AnnouncementEvents.typeFor(a.revision()), a.id());
    }

    /** Publishes an event as the ingest relay does within a trace: with its W3C {@code traceparent} header. */
    public static RecordMetadata publish(Announcement a, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "traceparent", traceparent);
        return send(null, a.id(), AnnouncementJson.write(a), AnnouncementEvents.typeFor(a.revision()), a.id(), headers);
    }

    /** Sends any record to the announcements topic (partition null = by key). */
    public static RecordMetadata send(Integer partition, String key, String value, String ceType, String subject) {
        return send(partition, key, value, ceType, subject, new RecordHeaders());
    }

    private static RecordMetadata send(Integer partition, String key, String value, String ceType, String subject,
            RecordHeaders headers) {
        header(headers, AnnouncementEvents.HEADER_SPEC_VERSION, AnnouncementEvents.SPEC_VERSION);
        header(headers, AnnouncementEvents.HEADER_ID, key + "/event");
        header(headers, AnnouncementEvents.HEADER_SOURCE, AnnouncementEvents.SOURCE);
        if (ceType != null) {
            header(headers, AnnouncementEvents.HEADER_TYPE, ceType);
        }
        header(headers, AnnouncementEvents.HEADER_TIME, java.time.Instant.now().toString());
        if (subject != null) {
            header(headers, AnnouncementEvents.HEADER_SUBJECT, subject);
        }
        header(headers, AnnouncementEvents.HEADER_CONTENT_TYPE, AnnouncementEvents.CONTENT_TYPE);
        try {
            return producer().send(new ProducerRecord<>(AnnouncementEvents.TOPIC, partition, key, value, headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test record", e);
        }
    }

    /**
     * Waits until notify-service has committed its offset past this record: the record was processed (its
     * transaction committed, or it went to the dead letters). Lets a test assert that something did NOT
     * happen without guessing how long to wait.
     */
    public static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(GROUP);
                Map<TopicPartition, OffsetAndMetadata> offsets = result.partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
