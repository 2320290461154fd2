package dev.statecraft.ingest.outbox;

import dev.statecraft.support.tracing.StoredTraceContext;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event waiting to be published; written in the transaction that stored its announcement. */
@Entity
@Table(name = "outbox")
public class OutboxRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "announcement_id")
    public String announcementId;
    public int revision;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    /** W3C trace context of the transaction that wrote the row (see {@link OutboxTracing}). */
    public String traceparent;
    public String tracestate;

    @PrePersist
    void keepTraceContext() {
        if (traceparent == null) {
            StoredTraceContext context = StoredTraceContext.current();
            traceparent = context.traceparent();
            tracestate = context.tracestate();
        }
    }
}
