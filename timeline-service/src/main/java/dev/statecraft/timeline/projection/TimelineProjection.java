package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.kafka.ApplyWithRetry;
import dev.statecraft.support.logging.LogContext;
import dev.statecraft.support.tracing.StoredTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps the timeline in step with the topic. Records come in batches (one poll); the readable ones of a batch
 * are applied with one multi-row upsert in one transaction, and the batch is acknowledged, so its offsets
 * committed, only after that commit. A redelivered or older revision changes nothing, so at-least-once delivery
 * gives exactly-once state. An unreadable record is nacked on its own and goes to the dead-letter topic with
 * its reason, as before batching; if the batch statement fails for a reason retrying cannot mend, its records
 * are applied one by one so that only the record at fault goes to the dead letters.
 */
@ApplicationScoped
public class TimelineProjection {
    private static final Logger LOG = Logger.getLogger(TimelineProjection.class);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    Tracer tracer;

    private record Readable(KafkaRecord<String, String> message, ConsumerRecord<String, String> record,
            Announcement announcement) {
    }

    @Incoming("announcements")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        Timer.Sample applying = Timer.start(registry);
        List<Readable> readable = new ArrayList<>();
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            try {
                readable.add(new Readable(message, record, AnnouncementRecords.read(record)));
            } catch (RuntimeException e) {
                // unreadable (not JSON, not a valid v1 event, unknown type): a dead letter, as record by record
                deadLetters.add(message.nack(e));
            }
        }
        if (!readable.isEmpty()) {
            try {
                applyTogether(readable);
            } catch (RuntimeException e) {
                LOG.warnf("a batch of %d records failed as a whole (%s); applying them one by one", readable.size(),
                        e.toString());
                for (Readable r : readable) {
                    try {
                        ApplyWithRetry.applyEvent(r.record(), a -> logApplied(r, apply(a)));
                    } catch (RuntimeException one) {
                        deadLetters.add(r.message().nack(one));
                    }
                }
            }
        }
        applying.stop(Timer.builder("statecraft.projection.apply").description("Time to apply one batch of "
                + "records (one poll) to the timeline, retries included").publishPercentileHistogram()
                .register(registry));
        // The batch's acknowledgement commits the newest offset of each partition it holds.
        return CompletableFuture.allOf(deadLetters.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(x -> batch.ack());
    }

    private void applyTogether(List<Readable> readable) {
        List<Announcement> announcements = readable.stream().map(Readable::announcement).toList();
        Set<String> applied = new HashSet<>();
        ApplyWithRetry.run("a batch of " + readable.size() + " records", () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    applied.clear();
                    applied.addAll(applyAll(announcements));
                }));
        for (Readable r : readable) {
            // Of several revisions of one announcement in the batch only the newest was written.
            boolean newestInBatch = announcements.stream().noneMatch(o -> o.id().equals(r.announcement().id())
                    && o.revision() > r.announcement().revision());
            logApplied(r, newestInBatch && applied.contains(r.announcement().id()));
        }
    }

    /** One line per record, under the record's trace (its {@code traceparent}) and its announcement id. */
    private void logApplied(Readable r, boolean applied) {
        Span span = tracer.spanBuilder(r.record().topic() + " apply").setSpanKind(SpanKind.CONSUMER)
                .setParent(new StoredTraceContext(header(r.record(), "traceparent"), header(r.record(), "tracestate"))
                        .asParent())
                .setAttribute("announcement.id", r.announcement().id())
                .setAttribute("announcement.revision", r.announcement().revision()).startSpan();
        try (Scope ignored = span.makeCurrent();
                LogContext context = LogContext.announcement(r.announcement().id())) {
            LOG.infof("announcement %s: revision %d %s (%s)", r.announcement().id(), r.announcement().revision(),
                    applied ? "applied" : "ignored, not newer than stored", AnnouncementRecords.coordinates(r.record()));
        } finally {
            span.end();
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> (ConsumerRecord<String, String>) m
                .getRecord()).orElseThrow(() -> new IllegalStateException("not an incoming Kafka record"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
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

    /** The batch form of {@link #apply}: one statement; returns the ids inserted or replaced. */
    Set<String> applyAll(List<Announcement> announcements) {
        em.createNativeQuery(CHANGE_ORDER_LOCK).getSingleResult();
        return em.unwrap(Session.class)
                .doReturningWork(c -> EntryUpsert.applyAllReturningIds(c, EntryUpsert.LIVE_TABLE, announcements));
    }
}
