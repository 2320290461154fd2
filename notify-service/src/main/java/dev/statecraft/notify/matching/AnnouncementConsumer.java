package dev.statecraft.notify.matching;

import dev.statecraft.notify.delivery.DeliveryWorker;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.kafka.ApplyWithRetry;
import dev.statecraft.support.logging.LogContext;
import dev.statecraft.support.retry.Backoff;
import dev.statecraft.support.tracing.StoredTraceContext;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns announcement events into deliveries, a polled batch of records at a time: all announcements of the batch
 * are matched and their delivery rows written in <b>one</b> transaction, and only after it has committed is the
 * batch acknowledged (so offsets are committed after the rows), then the delivery worker is woken once.
 *
 * <p>A record that cannot be read (poison) goes to the dead-letter topic on its own and the rest of the batch is
 * applied. If the batch's transaction fails for a reason retrying cannot mend, its records are applied one by one,
 * each in its own transaction, so only the one that cannot be applied goes to the dead letters. Redelivery is
 * harmless either way: delivery rows are unique per (subscription, announcement, revision, channel).
 */
@ApplicationScoped
public class AnnouncementConsumer {
    private static final Logger LOG = Logger.getLogger(AnnouncementConsumer.class);
    private static final Backoff DEAD_LETTER_RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Inject
    SubscriptionMatcher matcher;
    @Inject
    MeterRegistry registry;
    @Inject
    DeliveryWorker worker;

    /** A readable record of the batch and the announcement on it. */
    private record Readable(KafkaRecord<String, String> message, SubscriptionMatcher.Event event) {
    }

    @Incoming("announcements")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Readable> readable = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            try {
                readable.add(new Readable(message, new SubscriptionMatcher.Event(AnnouncementRecords.read(record),
                        trace(message, record))));
            } catch (RuntimeException e) {
                deadLetter(message, e);
            }
        }
        int created = apply(readable);
        if (created > 0) {
            worker.wakeUp(); // committed: send now rather than at the worker's next tick
        }
        // every record is settled (applied and committed, or dead-lettered): the offsets may move past them
        return batch.ack();
    }

    /** Applies the announcements in one transaction, or one by one if that cannot be done; returns new deliveries. */
    private int apply(List<Readable> readable) {
        if (readable.isEmpty()) {
            return 0;
        }
        List<SubscriptionMatcher.Event> events = readable.stream().map(Readable::event).toList();
        AtomicReference<List<SubscriptionMatcher.Result>> results = new AtomicReference<>();
        try {
            ApplyWithRetry.run(describe(events), () -> QuarkusTransaction.requiringNew()
                    .run(() -> results.set(matcher.matchAll(events))));
        } catch (RuntimeException batchFailure) {
            if (readable.size() == 1) {
                deadLetter(readable.get(0).message(), batchFailure);
                return 0;
            }
            LOG.warnf("a batch of %d announcements could not be applied (%s); applying them one by one",
                    readable.size(), batchFailure.getMessage());
            int created = 0;
            for (Readable r : readable) {
                created += apply(List.of(r));
            }
            return created;
        }
        int created = 0;
        for (SubscriptionMatcher.Result result : results.get()) {
            created += result.created();
            DistributionSummary.builder("statecraft.matches").description("Subscriptions matched per announcement")
                    .publishPercentileHistogram().register(registry).record(result.matched());
        }
        return created;
    }

    private static String describe(List<SubscriptionMatcher.Event> events) {
        var first = events.get(0).announcement();
        return events.size() == 1 ? "announcement " + first.id() + " revision " + first.revision()
                : "a batch of " + events.size() + " announcements (first " + first.id() + ")";
    }

    /**
     * Sends the record to the dead-letter topic (SmallRye's failure strategy, with its reason and coordinates
     * headers) and waits until the topic has it, so the batch's acknowledgement never gets ahead of it. A failed
     * send (Kafka away) is retried: the record waits, it is never dropped.
     */
    private void deadLetter(KafkaRecord<String, String> message, Throwable reason) {
        ConsumerRecord<String, String> record = consumerRecord(message);
        try (LogContext ignored = LogContext.announcement(record.key())) {
            LOG.warnf("record %s goes to the dead letters: %s", AnnouncementRecords.coordinates(record),
                    reason.getMessage());
            Duration pause = Duration.ZERO;
            while (true) {
                try {
                    message.nack(reason).toCompletableFuture().join();
                    return;
                } catch (RuntimeException e) {
                    pause = DEAD_LETTER_RETRY.next(pause);
                    LOG.warnf("dead-lettering record %s failed, retrying in %d ms: %s",
                            AnnouncementRecords.coordinates(record), pause.toMillis(), e.getMessage());
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while dead-lettering", e);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }

    /**
     * The trace the record's deliveries continue: the consumer span SmallRye opened for it, else the producer's
     * context from its {@code traceparent} header.
     */
    private static StoredTraceContext trace(KafkaRecord<String, String> message, ConsumerRecord<String, String> record) {
        var tracing = message.getMetadata(TracingMetadata.class);
        if (tracing.isPresent() && tracing.get().getCurrentContext() != null) {
            try (Scope ignored = tracing.get().getCurrentContext().makeCurrent()) {
                StoredTraceContext current = StoredTraceContext.current();
                if (current.traceparent() != null) {
                    return current;
                }
            }
        }
        return new StoredTraceContext(AnnouncementRecords.header(record, "traceparent"),
                AnnouncementRecords.header(record, "tracestate"));
    }
}
