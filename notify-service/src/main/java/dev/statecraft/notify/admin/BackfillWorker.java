package dev.statecraft.notify.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.InvalidEventException;
import dev.statecraft.notify.matching.SubscriptionMatcher;
import dev.statecraft.support.admin.AdminJobs;
import dev.statecraft.support.admin.JobView;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.logging.LogContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs backfill jobs: reads the announcements topic with a consumer of its own (no group, so the service's
 * live position is untouched) from the offsets of {@code from} ({@code offsetsForTimes}) to those of {@code to}
 * or the end, and matches every announcement against the one subscription. Each poll is one transaction with
 * the deliveries it created and the job's checkpoint (the next offset per partition), so a restart resumes
 * there and the delivery table's unique key makes a second run create nothing.
 */
@ApplicationScoped
public class BackfillWorker {
    static final String KIND = "backfill";
    private static final Logger LOG = Logger.getLogger(BackfillWorker.class);

    @Inject
    AdminJobs jobs;
    @Inject
    SubscriptionMatcher matcher;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "statecraft.topic.name")
    String topic;
    @ConfigProperty(name = "statecraft.jobs.stale-after", defaultValue = "PT30S")
    Duration staleAfter;

    /** Where a backfill stands: next offset to read and offset to stop at, per partition. */
    record Checkpoint(Map<Integer, Long> next, Map<Integer, Long> end) {
        boolean finished() {
            return next.entrySet().stream().allMatch(e -> e.getValue() >= end.get(e.getKey()));
        }
    }

    private record Batch(boolean stop, long scanned, long changed) {
    }

    @Scheduled(every = "${statecraft.jobs.poll-interval:1s}", delayed = "${statecraft.jobs.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        jobs.claim(KIND, staleAfter).ifPresent(this::run);
    }

    void run(JobView job) {
        BackfillRange range = BackfillRange.fromJson(job.parameters());
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Checkpoint at = job.checkpoint() == null ? start(consumer, partitions, range) : read(job.checkpoint());
            LOG.infof("backfill job %s for subscription %s: %s at %s", job.id(), range.subscriptionId(),
                    job.checkpoint() == null ? "starting" : "resuming", at.next());
            for (TopicPartition p : partitions) {
                consumer.seek(p, at.next().get(p.partition()));
            }
            while (!at.finished()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                Checkpoint current = at;
                Map<Integer, Long> next = new TreeMap<>(at.next());
                for (TopicPartition p : partitions) {
                    next.put(p.partition(), Math.min(consumer.position(p), at.end().get(p.partition())));
                }
                Checkpoint after = new Checkpoint(next, at.end());
                Batch batch = QuarkusTransaction.requiringNew().timeout(300)
                        .call(() -> apply(job.id(), range, records, current, after));
                if (batch.stop()) {
                    LOG.infof("backfill job %s: stopped (cancelled or taken over)", job.id());
                    return;
                }
                at = after;
            }
            jobs.finish(job.id(), AdminJobs.DONE, null);
            LOG.infof("backfill job %s for subscription %s: done", job.id(), range.subscriptionId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "backfill job %s: failed", job.id());
            jobs.finish(job.id(), AdminJobs.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Batch apply(String jobId, BackfillRange range, ConsumerRecords<String, String> records,
            Checkpoint before, Checkpoint after) {
        if (!jobs.stillMine(jobId)) {
            return new Batch(true, 0, 0);
        }
        long scanned = 0;
        long changed = 0;
        long failed = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (record.offset() < before.next().get(record.partition())
                    || record.offset() >= before.end().get(record.partition())) {
                continue;
            }
            scanned++;
            Announcement a;
            try {
                a = AnnouncementRecords.read(record);
            } catch (InvalidEventException e) {
                failed++;
                continue;
            }
            try (LogContext ignored = LogContext.announcement(a.id())) {
                int created = matcher.matchOnly(range.subscriptionId(), a, BackfillWorker::markBackfill).created();
                if (created > 0) {
                    em.createNativeQuery("update delivery set backfill = true where subscription_id = ?1 and"
                            + " announcement_id = ?2 and revision = ?3 and cast(payload as jsonb) ->> 'backfill' = 'true'")
                            .setParameter(1, range.subscriptionId()).setParameter(2, a.id())
                            .setParameter(3, a.revision()).executeUpdate();
                    changed++;
                }
            }
        }
        jobs.progress(jobId, write(after), scanned, changed, scanned - changed - failed, failed, null);
        return new Batch(false, scanned, changed);
    }

    /** The webhook body says it is a backfill, so the receiver can tell it from a live alert. */
    static String markBackfill(String payload) {
        try {
            ObjectNode node = (ObjectNode) AnnouncementJson.mapper().readTree(payload);
            node.put("backfill", true);
            return AnnouncementJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Checkpoint start(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            BackfillRange range) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<Integer, Long> next = new TreeMap<>();
        Map<Integer, Long> end = new TreeMap<>();
        Map<TopicPartition, OffsetAndTimestamp> fromOffsets = consumer.offsetsForTimes(times(partitions, range.from()));
        Map<TopicPartition, OffsetAndTimestamp> toOffsets = range.to() == null ? Map.of()
                : consumer.offsetsForTimes(times(partitions, range.to()));
        for (TopicPartition p : partitions) {
            long stop = ends.get(p);
            if (range.to() != null && toOffsets.get(p) != null) {
                stop = toOffsets.get(p).offset();
            }
            OffsetAndTimestamp first = fromOffsets.get(p);
            next.put(p.partition(), first == null ? stop : Math.min(first.offset(), stop));
            end.put(p.partition(), stop);
        }
        return new Checkpoint(next, end);
    }

    /** Records to read in a range; an estimate of the job's total (compaction may have removed some). */
    long estimate(BackfillRange range) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Checkpoint c = start(consumer, partitions, range);
            return c.end().entrySet().stream().mapToLong(e -> e.getValue() - c.next().get(e.getKey())).sum();
        }
    }

    private static Map<TopicPartition, Long> times(List<TopicPartition> partitions, java.time.Instant at) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, at.toEpochMilli()));
        return times;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "notify-service-backfill",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200), new StringDeserializer(), new StringDeserializer());
    }

    private static String write(Checkpoint c) {
        try {
            return BackfillRange.JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Checkpoint read(String json) {
        try {
            return BackfillRange.JSON.readValue(json, new TypeReference<Checkpoint>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job checkpoint unreadable", e);
        }
    }
}
