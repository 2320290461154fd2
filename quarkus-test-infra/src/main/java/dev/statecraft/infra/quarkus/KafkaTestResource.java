package dev.statecraft.infra.quarkus;

import dev.statecraft.infra.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}: one per test JVM, started on first use and ended with the
 * JVM (shutdown hook, and the stdin pipe after a {@code kill -9}).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaBroker broker;

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.startEphemeral();
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test app of this JVM; it ends with the JVM
    }
}
