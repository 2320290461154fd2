package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.kafka.ApplyWithRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps the timeline in step with the topic. Each record is applied in its own transaction and its offset is
 * committed only after that; a redelivered or older revision changes nothing, so at-least-once delivery
 * gives exactly-once state.
 */
@ApplicationScoped
public class TimelineProjection {
    private static final Logger LOG = Logger.getLogger(TimelineProjection.class);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @Incoming("announcements")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        Timer.Sample applying = Timer.start(registry);
        ApplyWithRetry.applyEvent(record, announcement -> {
            boolean applied = apply(announcement);
            LOG.infof("announcement %s: revision %d %s (%s)", announcement.id(), announcement.revision(),
                    applied ? "applied" : "ignored, not newer than stored", AnnouncementRecords.coordinates(record));
        });
        applying.stop(Timer.builder("statecraft.projection.apply").description("Time to apply one record to the "
                + "timeline, retries included").publishPercentileHistogram().register(registry));
    }

    /**
     * Serialises writers (across instances too) until commit, so change_seq values become visible in the order
     * they were taken: a stream that has read up to N can never later see a smaller number appear.
     */
    static final String CHANGE_ORDER_LOCK = "select 1 from pg_advisory_xact_lock(7244470118)";

    boolean apply(Announcement a) {
        em.createNativeQuery(CHANGE_ORDER_LOCK).getSingleResult();
        return em.unwrap(Session.class)
                .doReturningWork(c -> EntryUpsert.apply(c, EntryUpsert.LIVE_TABLE, a));
    }
}
