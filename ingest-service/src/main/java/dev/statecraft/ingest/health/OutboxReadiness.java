package dev.statecraft.ingest.health;

import dev.statecraft.ingest.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while events have waited in the outbox longer than allowed: accepted announcements are safe,
 * but the feed is falling behind and an operator should look (usually at Kafka).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "statecraft.outbox.max-age", defaultValue = "PT5M")
    Duration maxAge;

    @Override
    public HealthCheckResponse call() {
        Duration oldest = relay.oldestWaiting();
        return HealthCheckResponse.named("outbox")
                .status(oldest.compareTo(maxAge) <= 0)
                .withData("oldest_waiting_seconds", oldest.toSeconds())
                .withData("max_age_seconds", maxAge.toSeconds())
                .build();
    }
}
