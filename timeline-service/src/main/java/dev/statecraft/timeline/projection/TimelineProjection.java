package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.LocationMention;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.kafka.ApplyWithRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the timeline in step with the topic. Each record is applied in its own transaction and its offset is
 * committed only after that; a redelivered or older revision changes nothing, so at-least-once delivery
 * gives exactly-once state.
 */
@ApplicationScoped
public class TimelineProjection {
    private static final Logger LOG = Logger.getLogger(TimelineProjection.class);

    /**
     * Insert, or replace only when the incoming revision is newer than the stored one. The mentioned dates
     * come from the same SQL function the V2 backfill used; the search vector is a generated column; each
     * applied change takes the next change_seq (on insert by the column default).
     */
    private static final String UPSERT = """
            insert into timeline_entry (id, revision, published_at, kind, title, summary, publisher, source_url,
                                        countries, organisations, persons, locations, body_text, mentioned_dates,
                                        event, applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as text[]), cast(?10 as text[]), cast(?11 as text[]),
                    cast(?12 as text[]), ?13, timeline_mentioned_dates(cast(?14 as jsonb)), ?14, ?15)
            on conflict (id) do update set
                revision = excluded.revision, published_at = excluded.published_at, kind = excluded.kind,
                title = excluded.title, summary = excluded.summary, publisher = excluded.publisher,
                source_url = excluded.source_url, countries = excluded.countries,
                organisations = excluded.organisations, persons = excluded.persons, locations = excluded.locations,
                body_text = excluded.body_text, mentioned_dates = excluded.mentioned_dates, event = excluded.event,
                applied_at = excluded.applied_at, change_seq = nextval('timeline_change_seq')
            where timeline_entry.revision < excluded.revision
            """;

    @Inject
    EntityManager em;

    @Incoming("announcements")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ApplyWithRetry.applyEvent(record, announcement -> {
            boolean applied = apply(announcement);
            LOG.infof("announcement %s: revision %d %s (%s)", announcement.id(), announcement.revision(),
                    applied ? "applied" : "ignored, not newer than stored", AnnouncementRecords.coordinates(record));
        });
    }

    /**
     * Serialises writers (across instances too) until commit, so change_seq values become visible in the order
     * they were taken: a stream that has read up to N can never later see a smaller number appear.
     */
    private static final String CHANGE_ORDER_LOCK = "select 1 from pg_advisory_xact_lock(7244470118)";

    boolean apply(Announcement a) {
        em.createNativeQuery(CHANGE_ORDER_LOCK).getSingleResult();
        int changed = em.createNativeQuery(UPSERT)
                .setParameter(1, a.id())
                .setParameter(2, a.revision())
                .setParameter(3, a.publishedAt())
                .setParameter(4, a.kind().wire())
                .setParameter(5, a.title())
                .setParameter(6, a.summary())
                .setParameter(7, a.source() == null ? null : a.source().publisher())
                .setParameter(8, a.source() == null ? null : a.source().url())
                .setParameter(9, PgArrays.literal(a.countryCodes()))
                .setParameter(10, PgArrays.literal(a.organisationIds()))
                .setParameter(11, PgArrays.literal(a.personNames()))
                .setParameter(12, PgArrays.literal(locationNames(a)))
                .setParameter(13, a.bodyText())
                .setParameter(14, AnnouncementJson.write(a))
                .setParameter(15, Instant.now())
                .executeUpdate();
        return changed > 0;
    }

    private static List<String> locationNames(Announcement a) {
        return a.locations().stream().map(LocationMention::name).filter(n -> n != null && !n.isBlank()).distinct()
                .toList();
    }
}
