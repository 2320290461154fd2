package dev.statecraft.ingest.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A document exactly as received, kept per revision for re-parsing. */
@Entity
@Table(name = "raw_document")
public class RawDocumentRow extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "content_type")
    public String contentType;
    public String content;
    @Column(name = "supplied_title")
    public String suppliedTitle;
    @Column(name = "supplied_published_at")
    public Instant suppliedPublishedAt;
    @Column(name = "supplied_source_url")
    public String suppliedSourceUrl;
    @Column(name = "supplied_publisher")
    public String suppliedPublisher;
    @Column(name = "received_at")
    public Instant receivedAt;

    @Embeddable
    public record Key(@Column(name = "announcement_id") String announcementId, int revision) implements Serializable {
    }
}
