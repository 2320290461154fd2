package dev.statecraft.notify.digest;

import dev.statecraft.model.Announcement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** The digest tables' SQL. */
@ApplicationScoped
public class DigestStore {
    @Inject
    EntityManager em;

    /** One announcement waiting in a digest. */
    public record Item(String announcementId, int revision, String kind, List<String> countries, String title,
            String sourceUrl, Instant publishedAt) {
    }

    /**
     * Records that an announcement matched a digest subscription (in the consumer's transaction). Idempotent;
     * a newer revision replaces a waiting older one; one already sent in a digest is not sent again.
     *
     * @return whether a row was inserted or updated
     */
    public boolean addItem(UUID subscriptionId, Announcement a) {
        return work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into digest_item (subscription_id, announcement_id, revision, kind, countries, title,
                                             source_url, published_at, matched_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, now())
                    on conflict (subscription_id, announcement_id) do update
                        set revision = excluded.revision, kind = excluded.kind, countries = excluded.countries,
                            title = excluded.title, source_url = excluded.source_url
                        where digest_item.digest_period_end is null and excluded.revision > digest_item.revision
                    """)) {
                Array countries = connection.createArrayOf("text", a.countryCodes().toArray());
                ps.setObject(1, subscriptionId);
                ps.setString(2, a.id());
                ps.setInt(3, a.revision());
                ps.setString(4, a.kind().wire());
                ps.setArray(5, countries);
                ps.setString(6, a.title());
                ps.setString(7, a.source() == null ? null : a.source().url());
                ps.setTimestamp(8, a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Live digest subscriptions: id, frequency, zone. */
    public record DigestSubscription(UUID id, String frequency, String timezone) {
    }

    public List<DigestSubscription> digestSubscriptions() {
        return work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select id, frequency, timezone from subscription
                    where ended_at is null and frequency in ('daily', 'weekly')
                    """)) {
                List<DigestSubscription> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new DigestSubscription(rs.getObject("id", UUID.class), rs.getString("frequency"),
                                rs.getString("timezone")));
                    }
                }
                return result;
            }
        });
    }

    /**
     * Claims a period for a subscription: true for exactly one caller across all instances (the primary key
     * decides; a concurrent second insert waits for the first transaction and then does nothing).
     */
    public boolean claimPeriod(UUID subscriptionId, DigestPeriods.Period period) {
        return work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into digest (subscription_id, period_start, period_end, items) values (?, ?, ?, 0)
                    on conflict (subscription_id, period_end) do nothing
                    """)) {
                ps.setObject(1, subscriptionId);
                ps.setTimestamp(2, Timestamp.from(period.start()));
                ps.setTimestamp(3, Timestamp.from(period.end()));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Takes the waiting items matched before the period's end into that period's digest. */
    public List<Item> takeItems(UUID subscriptionId, DigestPeriods.Period period) {
        List<Item> items = work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update digest_item set digest_period_end = ?
                    where subscription_id = ? and digest_period_end is null and matched_at < ?
                    returning announcement_id, revision, kind, countries, title, source_url, published_at
                    """)) {
                ps.setTimestamp(1, Timestamp.from(period.end()));
                ps.setObject(2, subscriptionId);
                ps.setTimestamp(3, Timestamp.from(period.end()));
                List<Item> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp published = rs.getTimestamp("published_at");
                        result.add(new Item(rs.getString("announcement_id"), rs.getInt("revision"), rs.getString("kind"),
                                List.of((String[]) rs.getArray("countries").getArray()), rs.getString("title"),
                                rs.getString("source_url"), published == null ? null : published.toInstant()));
                    }
                }
                return result;
            }
        });
        work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "update digest set items = ? where subscription_id = ? and period_end = ?")) {
                ps.setInt(1, items.size());
                ps.setObject(2, subscriptionId);
                ps.setTimestamp(3, Timestamp.from(period.end()));
                return ps.executeUpdate();
            }
        });
        return items;
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
