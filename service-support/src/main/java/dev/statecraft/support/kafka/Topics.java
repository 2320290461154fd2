package dev.statecraft.support.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates the topics a service relies on, if they are missing. Safe to run from every instance at once. */
public final class Topics {
    private static final Logger LOG = Logger.getLogger(Topics.class);

    private Topics() {
    }

    /**
     * The announcements topic: compacted and never deleted by time, so the latest revision of every
     * announcement stays and any consumer can rebuild from offset 0.
     */
    public static NewTopic announcements(String name, int partitions, short replication) {
        return new NewTopic(name, partitions, replication).configs(Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1",
                "min.compaction.lag.ms", "0"));
    }

    /** A dead-letter topic: kept (by time) long enough for an operator to inspect and re-drive. */
    public static NewTopic deadLetters(String name, int partitions, short replication) {
        return new NewTopic(name, partitions, replication).configs(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(30))));
    }

    /**
     * For a consuming service: the announcements topic and its own dead-letter topic. Kafka away at start-up
     * is not fatal: the consumer subscribes anyway and picks the topic up once it exists.
     */
    public static void ensureForConsumer(String bootstrapServers, String topic, String deadLetterTopic,
            int partitions, short replicationFactor) {
        try {
            ensure(bootstrapServers, List.of(announcements(topic, partitions, replicationFactor),
                    deadLetters(deadLetterTopic, 1, replicationFactor)));
        } catch (RuntimeException e) {
            LOG.warnf("could not make sure topics %s and %s exist on %s (%s); consuming starts once they do",
                    topic, deadLetterTopic, bootstrapServers, e.getMessage());
        }
    }

    public static void ensure(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers,
                "request.timeout.ms", 15_000, "default.api.timeout.ms", 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                missing.forEach(t -> LOG.infof("created topic %s (%d partitions)", t.name(), t.numPartitions()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers, e);
        }
    }
}
