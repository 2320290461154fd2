package dev.statecraft.notify.matching;

import dev.statecraft.support.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the announcements topic (compacted) and this service's dead-letter topic if they are missing, so
 * that neither depends on broker auto-creation with the wrong settings. Kafka away at start-up is not fatal:
 * the consumer subscribes anyway and picks the topic up once it exists. Runs before the consumer starts, so
 * that it does not begin by waiting for a metadata refresh.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "statecraft.topic.name")
    String topic;
    @ConfigProperty(name = "statecraft.topic.dlq-name")
    String deadLetterTopic;
    @ConfigProperty(name = "statecraft.topic.partitions")
    int partitions;
    @ConfigProperty(name = "statecraft.topic.replication-factor")
    short replicationFactor;

    void ensureTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            Topics.ensure(bootstrapServers, List.of(Topics.announcements(topic, partitions, replicationFactor),
                    Topics.deadLetters(deadLetterTopic, 1, replicationFactor)));
        } catch (RuntimeException e) {
            LOG.warnf("could not make sure topics %s and %s exist on %s (%s); consuming starts once they do",
                    topic, deadLetterTopic, bootstrapServers, e.getMessage());
        }
    }
}
