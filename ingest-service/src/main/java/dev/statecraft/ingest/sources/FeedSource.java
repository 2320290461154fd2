package dev.statecraft.ingest.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A feed that ingest polls: what to poll and how often, the validators of its last answer, and how it went. */
@Entity
@Table(name = "feed_source")
public class FeedSource extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "feed_url")
    public String feedUrl;
    public String publisher;
    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "last_poll_at")
    public Instant lastPollAt;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_error_at")
    public Instant lastErrorAt;
    @Column(name = "consecutive_errors")
    public int consecutiveErrors;
    @Column(name = "items_seen")
    public long itemsSeen;
    @Column(name = "items_ingested")
    public long itemsIngested;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    Duration pollInterval() {
        return Duration.ofSeconds(pollIntervalSeconds);
    }
}
