package dev.statecraft.ingest.outbox;

import dev.statecraft.model.AnnouncementEvents;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox events as CloudEvents in binary mode: key = announcement id, value = the event JSON, the
 * CloudEvents attributes in {@code ce_*} headers. Idempotent producer with {@code acks=all}, so a retried
 * send never writes a record twice and an acknowledged one survives a broker failure.
 */
@ApplicationScoped
public class AnnouncementPublisher {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    @Inject
    OutboxTracing tracing;

    AnnouncementPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "statecraft.topic.name", defaultValue = AnnouncementEvents.TOPIC) String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A broker that is away must not hold the relay for long: the rows stay and are sent later.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new StringSerializer(), new StringSerializer());
    }

    public String topic() {
        return topic;
    }

    public Future<RecordMetadata> send(OutboxRow row, String time) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, AnnouncementEvents.HEADER_SPEC_VERSION, AnnouncementEvents.SPEC_VERSION);
        header(headers, AnnouncementEvents.HEADER_ID, AnnouncementEvents.eventId(row.announcementId, row.revision));
        header(headers, AnnouncementEvents.HEADER_SOURCE, AnnouncementEvents.SOURCE);
        header(headers, AnnouncementEvents.HEADER_TYPE, row.eventType);
        header(headers, AnnouncementEvents.HEADER_TIME, time);
        header(headers, AnnouncementEvents.HEADER_SUBJECT, row.announcementId);
        header(headers, AnnouncementEvents.HEADER_CONTENT_TYPE, AnnouncementEvents.CONTENT_TYPE);
        Span span = tracing.startPublish(row, topic);
        OutboxTracing.inject(span, headers);
        return producer.send(new ProducerRecord<>(topic, null, row.announcementId, row.payload, headers),
                (metadata, failure) -> {
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
