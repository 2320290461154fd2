package dev.statecraft.notify.matching;

import dev.statecraft.support.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the announcements topic (compacted) and this service's dead-letter topic if they are missing, so
 * that neither depends on broker auto-creation with the wrong settings. Kafka away at start-up is not fatal:
 * the consumer subscribes anyway and picks the topic up once it exists. Runs before the consumer starts, so
 * that it does not begin by waiting for a metadata refresh.
 */
@ApplicationScoped
public class TopicSetup {
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
        Topics.ensureForConsumer(bootstrapServers, topic, deadLetterTopic, partitions, replicationFactor);
    }
}
