package dev.statecraft.timeline;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.LocationMention;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** An announcement with every filterable field set; unset lists stay empty. */
    static final class Builder {
        private final String id;
        private int revision = 1;
        private String title = "Untitled";
        private String body = "";
        private Kind kind = Kind.OTHER;
        private Instant publishedAt = Instant.now();
        private String publisher = "FCDO";
        private List<CountryMention> countries = List.of();
        private List<OrganisationMention> organisations = List.of();
        private List<PersonMention> persons = List.of();
        private List<LocationMention> locations = List.of();
        private List<DateMention> dates = List.of();

        Builder(String id) {
            this.id = id;
        }

        Builder revision(int value) {
            revision = value;
            return this;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder body(String value) {
            body = value;
            return this;
        }

        Builder kind(Kind value) {
            kind = value;
            return this;
        }

        Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        Builder publisher(String value) {
            publisher = value;
            return this;
        }

        Builder countries(String... codes) {
            countries = Arrays.stream(codes).map(c -> new CountryMention(c, List.of())).toList();
            return this;
        }

        Builder organisations(String... ids) {
            organisations = Arrays.stream(ids).map(o -> new OrganisationMention(o, o, List.of())).toList();
            return this;
        }

        Builder persons(String... names) {
            persons = Arrays.stream(names).map(n -> new PersonMention(n, null, List.of())).toList();
            return this;
        }

        Builder locations(String... names) {
            locations = Arrays.stream(names).map(n -> new LocationMention(n, null, List.of())).toList();
            return this;
        }

        /** ISO dates cut to their precision: 2031-05-19, 2031-05 or 2031. */
        Builder dates(String... isoDates) {
            dates = Arrays.stream(isoDates).map(d -> new DateMention(d,
                    d.length() == 10 ? Precision.DAY : d.length() == 7 ? Precision.MONTH : Precision.YEAR, d, null,
                    List.of())).toList();
            return this;
        }

        Announcement build() {
            return new Announcement(id, revision, new Source("https://www.gov.uk/government/news/" + id, publisher,
                    "text"), publishedAt, false, Instant.now(), "1.0.0", title, "summary of " + title, body, kind,
                    countries, organisations, persons, locations, dates, List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
    }

    static Builder with(String id) {
        return new Builder(id);
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
