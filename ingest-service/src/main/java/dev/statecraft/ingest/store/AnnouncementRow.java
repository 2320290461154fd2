package dev.statecraft.ingest.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The current revision of one announcement, with its full event. */
@Entity
@Table(name = "announcement")
public class AnnouncementRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public int revision;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "source_url")
    public String sourceUrl;
    public String publisher;
    public String format;
    public String title;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "parser_version")
    public String parserVersion;
    /** The v1 event JSON of {@link #revision}. */
    public String event;

    public static Optional<AnnouncementRow> byDedupeKey(String key) {
        return find("dedupeKey", key).firstResultOptional();
    }
}
