package dev.statecraft.support.admin.deadletters;

import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's dead-letter topic (SmallRye's {@code dead-letter-queue} failure strategy: reason, cause and the
 * original topic/partition/offset in {@code dead-letter-*} headers). Re-driving produces the record again, key,
 * value and original headers unchanged, to its original topic, where the consumer applies it idempotently
 * (revision checks, unique delivery rows); {@code dead_letter_redrive} remembers which records were re-driven
 * so a second re-drive of the same record does nothing.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String HEADER_PREFIX = "dead-letter-";

    @ConfigProperty(name = "mp.messaging.incoming.announcements.dead-letter-queue.topic")
    Optional<String> topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    DataSource dataSource;

    public String topic() {
        return topic.orElseThrow(() -> ProblemException.notFound("This service has no dead-letter topic."));
    }

    /** Every record still in the topic (oldest first, at most {@code limit}), with its re-drive state. */
    public List<DeadLetter> list(int limit) {
        String dlq = topic();
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (found.size() < limit && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (found.size() < limit) {
                        found.add(view(r));
                    }
                }
            }
        }
        return withRedriveState(found);
    }

    public DeadLetter get(int partition, long offset) {
        String dlq = topic();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition p = new TopicPartition(dlq, partition);
            if (consumer.partitionsFor(dlq, Duration.ofSeconds(15)).stream().noneMatch(i -> i.partition() == partition)) {
                throw ProblemException.notFound("No partition " + partition + " in " + dlq + ".");
            }
            consumer.assign(List.of(p));
            long begin = consumer.beginningOffsets(List.of(p)).get(p);
            long end = consumer.endOffsets(List.of(p)).get(p);
            if (offset < begin || offset >= end) {
                throw ProblemException.notFound("No record at " + dlq + "-" + partition + "@" + offset
                        + " (the partition holds offsets " + begin + " to " + (end - 1) + ").");
            }
            consumer.seek(p, offset);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return withRedriveState(List.of(view(r))).get(0);
                    }
                }
            }
        }
        throw new ProblemException(Problem.of(503, "kafka-unavailable", "Kafka unavailable",
                "The dead-letter record could not be read in time."));
    }

    /** The outcome of one record's re-drive. */
    public record Redrive(int partition, long offset, String status, String detail) {
    }

    /** Re-drives the given records (or all when {@code only} is null) that were not re-driven before. */
    public List<Redrive> redrive(Integer partition, Long offset, String operator) {
        List<DeadLetter> selected = partition == null ? list(10_000) : List.of(get(partition, offset));
        List<Redrive> outcomes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (DeadLetter d : selected) {
                outcomes.add(redriveOne(producer, d, operator));
            }
        }
        return outcomes;
    }

    private Redrive redriveOne(KafkaProducer<String, String> producer, DeadLetter d, String operator) {
        if (d.redrivenAt() != null) {
            return new Redrive(d.partition(), d.offset(), "already_redriven", "re-driven at " + d.redrivenAt());
        }
        if (d.originalTopic() == null) {
            return new Redrive(d.partition(), d.offset(), "skipped", "no dead-letter-topic header");
        }
        // Claim the record first (the unique key stops a concurrent or repeated re-drive), produce, then commit:
        // a failed send rolls the claim back. A crash between send and commit can re-drive a record twice; the
        // consumers apply it idempotently.
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claim(d, operator)) {
                return new Redrive(d.partition(), d.offset(), "already_redriven", "re-driven concurrently");
            }
            RecordHeaders headers = new RecordHeaders();
            d.headers().forEach((name, value) -> {
                if (!name.startsWith(HEADER_PREFIX)) {
                    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
                }
            });
            var sent = producer.send(new ProducerRecord<>(d.originalTopic(), null, d.key(), d.payload(), headers))
                    .get(30, TimeUnit.SECONDS);
            LOG.infof("re-drove dead letter %s-%d@%d to %s-%d@%d", d.topic(), d.partition(), d.offset(),
                    sent.topic(), sent.partition(), sent.offset());
            return new Redrive(d.partition(), d.offset(), "redriven",
                    "produced to " + sent.topic() + "-" + sent.partition() + "@" + sent.offset());
        });
    }

    private boolean claim(DeadLetter d, String operator) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into dead_letter_redrive (dlq_topic, dlq_partition, dlq_offset, redriven_at, redriven_by)"
                        + " values (?, ?, ?, now(), ?) on conflict do nothing")) {
            ps.setString(1, d.topic());
            ps.setInt(2, d.partition());
            ps.setLong(3, d.offset());
            ps.setString(4, operator);
            return ps.executeUpdate() == 1;
        }
    }

    private List<DeadLetter> withRedriveState(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return letters;
        }
        Map<String, DeadLetter> redriven = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select dlq_partition, dlq_offset, redriven_at, redriven_by from dead_letter_redrive"
                        + " where dlq_topic = ?")) {
            ps.setString(1, letters.get(0).topic());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    redriven.put(rs.getInt(1) + "@" + rs.getLong(2), new DeadLetter(null, 0, 0, null, null, null,
                            null, null, null, null, null, null, at.toInstant(), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the re-drive log", e);
        }
        return letters.stream().map(d -> {
            DeadLetter r = redriven.get(d.partition() + "@" + d.offset());
            return r == null ? d : d.redriven(r.redrivenAt(), r.redrivenBy());
        }).toList();
    }

    private static DeadLetter view(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                r.value(), headers.get("dead-letter-reason"), headers.get("dead-letter-cause"),
                headers.get("dead-letter-topic"), integer(headers.get("dead-letter-partition")),
                longValue(headers.get("dead-letter-offset")), headers, null, null);
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-admin",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000),
                new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-redrive", ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000),
                new StringSerializer(), new StringSerializer());
    }
}
