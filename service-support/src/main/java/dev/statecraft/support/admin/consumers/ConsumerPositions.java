package dev.statecraft.support.admin.consumers;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this service's consumer group stands on the announcements topic (committed offset, end, lag per
 * partition, live members) and moving it to a time or an offset. Kafka itself refuses to move the committed
 * offsets of a group with live members, so a reset needs the service's consumers stopped (or gone).
 */
@ApplicationScoped
public class ConsumerPositions {
    @ConfigProperty(name = "mp.messaging.incoming.announcements.group.id")
    Optional<String> group;
    @ConfigProperty(name = "mp.messaging.incoming.announcements.topic")
    Optional<String> topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public record PartitionPosition(int partition, Long committed, @JsonProperty("end_offset") long endOffset,
            Long lag) {
    }

    public record GroupPosition(String group, String topic, String state, int members, @JsonProperty("total_lag") long totalLag,
            List<PartitionPosition> partitions) {
    }

    public record Move(int partition, Long current, @JsonProperty("new") long target) {
    }

    public record Reset(String group, @JsonProperty("dry_run") boolean dryRun, boolean applied, List<Move> moves) {
    }

    private String group() {
        return group.orElseThrow(() -> ProblemException.notFound("This service has no consumer group."));
    }

    private String topic() {
        return topic.orElseThrow(() -> ProblemException.notFound("This service consumes no topic."));
    }

    public GroupPosition lag() {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(admin, partitions,
                    OffsetSpec.latest());
            ConsumerGroupDescription description = describe(admin);
            List<PartitionPosition> positions = new ArrayList<>();
            long total = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                long end = ends.get(p).offset();
                Long lag = c == null ? null : Math.max(0, end - c.offset());
                total += lag == null ? end : lag;
                positions.add(new PartitionPosition(p.partition(), c == null ? null : c.offset(), end, lag));
            }
            return new GroupPosition(group(), topic(), description.groupState().toString(),
                    description.members().size(), total, positions);
        }
    }

    /**
     * The moves a reset makes: to the first offset at or after {@code time} (the end where there is none), or
     * to {@code offset} (clamped to the partition's range), for all partitions or one.
     */
    public Reset reset(Instant time, Long offset, Integer onlyPartition, boolean dryRun, boolean force) {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = partitions(admin).stream()
                    .filter(p -> onlyPartition == null || p.partition() == onlyPartition).toList();
            if (partitions.isEmpty()) {
                throw ProblemException.invalidParameter("partition", "No partition " + onlyPartition + ".");
            }
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(admin, partitions,
                    OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(admin, partitions,
                    OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> atTime = time == null ? Map.of()
                    : offsets(admin, partitions, OffsetSpec.forTimestamp(time.toEpochMilli()));
            List<Move> moves = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> targets = new HashMap<>();
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                long target;
                if (time != null) {
                    long found = atTime.get(p).offset();
                    target = found < 0 ? end : found;
                } else {
                    target = Math.max(starts.get(p).offset(), Math.min(offset, end));
                }
                OffsetAndMetadata c = committed.get(p);
                moves.add(new Move(p.partition(), c == null ? null : c.offset(), target));
                targets.put(p, new OffsetAndMetadata(target));
            }
            if (dryRun) {
                return new Reset(group(), true, false, moves);
            }
            int members = describe(admin).members().size();
            if (members > 0 && !force) {
                throw new ProblemException(Problem.of(409, "group-has-members", "Consumer group is live",
                        "Group " + group() + " has " + members + " live member(s); stop the service's consumers "
                                + "first, or repeat with force (Kafka still refuses while members are connected)."));
            }
            try {
                admin.alterConsumerGroupOffsets(group(), targets).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new ProblemException(Problem.of(409, "group-has-members", "Consumer group is live",
                        "Kafka refused to move group " + group() + ": " + e.getCause().getMessage()));
            }
            return new Reset(group(), false, true, moves);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw unavailable(e);
        }
    }

    private List<TopicPartition> partitions(Admin admin) {
        String t = topic();
        try {
            return admin.describeTopics(List.of(t)).allTopicNames().get(30, TimeUnit.SECONDS).get(t).partitions()
                    .stream().map(i -> new TopicPartition(t, i.partition())).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) {
        return get(admin.listConsumerGroupOffsets(group()).partitionsToOffsetAndMetadata());
    }

    private ConsumerGroupDescription describe(Admin admin) {
        return get(admin.describeConsumerGroups(List.of(group())).describedGroups().get(group()));
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Admin admin,
            List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return get(admin.listOffsets(request).all());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unavailable(Exception e) {
        return new ProblemException(Problem.of(503, "kafka-unavailable", "Kafka unavailable",
                "Kafka did not answer: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 15_000,
                "default.api.timeout.ms", 30_000));
    }
}
