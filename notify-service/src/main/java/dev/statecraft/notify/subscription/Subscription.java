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
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] countries;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] kinds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] keywords;
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
    /** immediate, daily or weekly. */
    public String frequency;
    /** IANA zone id: digests come at the configured hour there. */
    public String timezone;

    public boolean isEnded() {
        return endedAt != null;
    }
}
