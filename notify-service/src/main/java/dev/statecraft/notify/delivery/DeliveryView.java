package dev.statecraft.notify.delivery;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** One line of a subscription's delivery log. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryView(UUID id, UUID subscriptionId, String webhookId, String announcementId, int revision,
        String channel,
        String status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
        Instant createdAt, Instant deliveredAt, boolean test, int manualRetries) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.subscriptionId, Delivery.webhookId(d.id), d.announcementId, d.revision, d.channel, d.status,
                d.attempts, d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.deliveredAt, d.test,
                d.manualRetries);
    }
}
