package dev.statecraft.notify.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert to one subscription about one revision of an announcement, and how sending it went. Unique per
 * (subscription, announcement, revision, channel). Written by the matcher, sent and updated by the worker.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "announcement_id")
    public String announcementId;
    public int revision;
    public String channel;
    public String payload;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** A sample sent by POST /api/subscriptions/{id}/test. */
    public boolean test;
    @Column(name = "manual_retries")
    public int manualRetries;

    /** The Standard Webhooks message id: stable across retries, so receivers can drop duplicates. */
    public static String webhookId(UUID deliveryId) {
        return "msg_" + deliveryId;
    }
}
