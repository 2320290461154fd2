package dev.statecraft.load.timeline;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes generated announcements to {@code statecraft.announcements} exactly as ingest-service's outbox relay
 * does (key = id, value = the event JSON, CloudEvents binary-mode headers), but built for volume: idempotent
 * producer with large batches, a short linger and lz4 compression.
 *
 * <p>Run on its own: {@code java -cp … dev.statecraft.load.timeline.AnnouncementProducer <bootstrap> <count> [seed]}.
 */
public final class AnnouncementProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public AnnouncementProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "timeline-load-generator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code count} events; returns how many distinct announcements they carry. */
    public long send(AnnouncementGenerator generator, long count) {
        String time = Instant.now().toString();
        for (long i = 0; i < count; i++) {
            Announcement a = generator.next();
            RecordHeaders headers = new RecordHeaders();
            header(headers, AnnouncementEvents.HEADER_SPEC_VERSION, AnnouncementEvents.SPEC_VERSION);
            header(headers, AnnouncementEvents.HEADER_ID, AnnouncementEvents.eventId(a.id(), a.revision()));
            header(headers, AnnouncementEvents.HEADER_SOURCE, AnnouncementEvents.SOURCE);
            header(headers, AnnouncementEvents.HEADER_TYPE, AnnouncementEvents.typeFor(a.revision()));
            header(headers, AnnouncementEvents.HEADER_TIME, time);
            header(headers, AnnouncementEvents.HEADER_SUBJECT, a.id());
            header(headers, AnnouncementEvents.HEADER_CONTENT_TYPE, AnnouncementEvents.CONTENT_TYPE);
            producer.send(new ProducerRecord<>(AnnouncementEvents.TOPIC, null, a.id(), AnnouncementJson.write(a),
                    headers), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
            if (failure.get() != null) {
                throw new IllegalStateException("send failed", failure.get());
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("send failed", failure.get());
        }
        return generator.announcements();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: AnnouncementProducer <bootstrap-servers> <count> [seed]");
            System.exit(2);
        }
        long count = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long started = System.nanoTime();
        try (AnnouncementProducer producer = new AnnouncementProducer(args[0])) {
            long announcements = producer.send(new AnnouncementGenerator(seed, Instant.now()), count);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("sent %d events (%d announcements) in %.1f s, %.0f events/s%n", count, announcements,
                    seconds, count / seconds);
        }
    }
}
