package dev.statecraft.timeline.projection;

import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.kafka.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Makes sure the topic and this service's dead-letter topic exist before records flow. */
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "statecraft.topic.partitions") int partitions,
            @ConfigProperty(name = "statecraft.topic.replication-factor") short replication) {
        try {
            Topics.ensure(bootstrapServers, List.of(
                    Topics.announcements(AnnouncementEvents.TOPIC, partitions, replication),
                    Topics.deadLetters(AnnouncementEvents.DLQ_TIMELINE, 1, replication)));
        } catch (RuntimeException e) {
            LOG.warnf("could not check the topics now (%s); the consumer will pick them up once Kafka answers",
                    e.getMessage());
        }
    }
}
