package dev.statecraft.ingest.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A feed entry already handled (ingested, a duplicate, or refused for good): it is not fetched again. */
@Entity
@Table(name = "feed_item")
public class FeedItem extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "announcement_id")
    public String announcementId;
    public String outcome;
    @Column(name = "seen_at")
    public Instant seenAt;

    @Embeddable
    public record Key(@Column(name = "source_id") long sourceId, @Column(name = "item_key") String itemKey)
            implements Serializable {
    }

    static boolean seen(long sourceId, String itemKey) {
        return findById(new Key(sourceId, itemKey)) != null;
    }
}
