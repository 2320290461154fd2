package dev.statecraft.timeline.projection;

import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes sure the topic and this service's dead-letter topic exist before records flow. */
public class TopicSetup {
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "statecraft.topic.partitions") int partitions,
            @ConfigProperty(name = "statecraft.topic.replication-factor") short replication) {
        Topics.ensureForConsumer(bootstrapServers, AnnouncementEvents.TOPIC, AnnouncementEvents.DLQ_TIMELINE,
                partitions, replication);
    }
}
