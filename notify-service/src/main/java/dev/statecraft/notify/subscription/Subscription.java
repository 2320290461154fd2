package dev.statecraft.notify.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscriber's filter and webhook endpoint. Ending one keeps the row (and its delivery log). */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    /** The secret replaced by the last rotation: it signs too until {@link #previousSecretExpiresAt}. */
    @Column(name = "previous_webhook_secret")
    public String previousWebhookSecret;
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] kinds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] keywords;
    /** Organisation ids or names, person names, publisher names: any-of each, case-insensitive. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] organisations;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] persons;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] publishers;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "ended_reason")
    public String endedReason;
    @Column(name = "management_token_hash")
    public String managementTokenHash;
    @Column(name = "endpoint_disabled_at")
    public Instant endpointDisabledAt;
    /** Why the endpoint was disabled (410 Gone, or failing every attempt for too long). */
    @Column(name = "endpoint_disabled_reason")
    public String endpointDisabledReason;
    /** Since when every webhook attempt has failed; null once one succeeds. */
    @Column(name = "endpoint_failing_since")
    public Instant endpointFailingSince;
    /** Also alert about revisions of announcements this subscription was already told about. */
    @Column(name = "notify_on_revisions")
    public boolean notifyOnRevisions;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Email channel (optional): the address, its double opt-in, and the one-click unsubscribe token. */
    public String email;
    @Column(name = "email_confirmed_at")
    public Instant emailConfirmedAt;
    @Column(name = "email_confirm_token_hash")
    public String emailConfirmTokenHash;
    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;
    /** Read as a Server-Sent Events stream (GET /api/subscriptions/{id}/stream). */
    public boolean sse;
    /** immediate, daily or weekly. */
    public String frequency;
    /** IANA zone id: digests come at the configured hour there. */
    public String timezone;
    /** Concurrent webhook requests this subscriber allows at its endpoint; null = the service's default. */
    @Column(name = "webhook_max_in_flight")
    public Integer webhookMaxInFlight;

    public boolean isEnded() {
        return endedAt != null;
    }
}
