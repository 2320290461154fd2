package dev.statecraft.ingest.outbox;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.support.concurrent.DaemonThreads;
import dev.statecraft.support.kafka.Topics;
import dev.statecraft.support.retry.Backoff;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in order and deletes each once Kafka has acknowledged it. Kafka away: rows stay and
 * go out when it returns. One relay at a time across instances (a database advisory lock), so the revisions
 * of an announcement reach the topic in order.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5743_4f55_5442_4f58L;
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    /**
     * The backlog gauges are refreshed at most this often: the relay is woken by every intake commit, and a count
     * query after each wake-up was one more transaction per accepted post on the ingest database.
     */
    private static final Duration MEASURE_INTERVAL = Duration.ofSeconds(1);

    @Inject
    AnnouncementPublisher publisher;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "statecraft.topic.partitions")
    int partitions;
    @ConfigProperty(name = "statecraft.topic.replication-factor")
    short replicationFactor;
    @ConfigProperty(name = "statecraft.outbox.batch-size")
    int batchSize;
    @ConfigProperty(name = "statecraft.outbox.poll-interval")
    Duration pollInterval;

    /** Permits are wake-up calls: intake releases one after each commit so that events go out at once. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile boolean topicReady;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;
    /** Only the relay thread uses it. */
    private Instant nextMeasure = Instant.EPOCH;

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("statecraft.outbox.backlog", backlog, AtomicLong::get)
                .description("Events stored but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("statecraft.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished event").register(registry);
        running = true;
        worker = DaemonThreads.daemon(this::loop, "outbox-relay");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                // Polling too, not only wake-ups: rows committed by another instance, or left by a crash.
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                relay();
                if (!Instant.now().isBefore(nextMeasure)) {
                    nextMeasure = Instant.now().plus(MEASURE_INTERVAL);
                    measureBacklog();
                }
            }
        }
    }

    void relay() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            ensureTopic();
            Batch batch;
            do {
                batch = relayBatch();
                if (batch.failure() != null) {
                    throw batch.failure();
                }
            } while (batch.published() == batchSize);
            if (!backoff.isZero()) {
                LOG.info("outbox relay: Kafka reachable again, publishing resumed");
                backoff = Duration.ZERO;
            }
        } catch (RuntimeException e) {
            backoff = BACKOFF.next(backoff);
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("outbox relay: publishing failed, rows kept, next try in %d ms: %s", backoff.toMillis(),
                    rootMessage(e));
        }
    }

    /** How one batch went: rows published (and deleted), and the first failure if any row was not. */
    record Batch(int published, RuntimeException failure) {
    }

    /**
     * Publishes up to one batch. What Kafka acknowledged is deleted and committed even when a later row
     * failed, so that it is not sent again; the failed rows stay with their attempt count. Plain JDBC on one
     * connection (no JTA, no entities): the relay runs after every intake commit, so its per-batch overhead counts.
     */
    Batch relayBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Batch batch = relayBatch(connection);
                connection.commit();
                return batch;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay: " + e.getMessage(), e);
        }
    }

    private Batch relayBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet locked = lock.executeQuery()) {
                if (!locked.next() || !locked.getBoolean(1)) {
                    return new Batch(0, null);
                }
            }
        }
        List<OutboxRow> rows = oldestRows(connection);
        if (rows.isEmpty()) {
            return new Batch(0, null);
        }
        String time = Instant.now().toString();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(publisher.send(row, time));
        }
        List<Long> published = new ArrayList<>();
        List<OutboxRow> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                RecordMetadata meta = acks.get(i).get(60, TimeUnit.SECONDS);
                published.add(row.id);
                LOG.infof("announcement %s: revision %d published to %s-%d@%d", row.announcementId,
                        row.revision, meta.topic(), meta.partition(), meta.offset());
            } catch (ExecutionException | TimeoutException e) {
                row.lastError = rootMessage(e);
                failed.add(row);
                if (failure == null) {
                    failure = new IllegalStateException("publishing announcement " + row.announcementId
                            + " failed: " + rootMessage(e), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!published.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", published.toArray()));
                delete.executeUpdate();
            }
            LOG.infof("outbox relay: published %d event(s) to %s", published.size(), publisher.topic());
        }
        if (!failed.isEmpty()) {
            try (PreparedStatement attempt = connection.prepareStatement(
                    "update outbox set attempts = attempts + 1, last_error = ? where id = ?")) {
                for (OutboxRow row : failed) {
                    attempt.setString(1, row.lastError);
                    attempt.setLong(2, row.id);
                    attempt.addBatch();
                }
                attempt.executeBatch();
            }
        }
        return new Batch(published.size(), failure);
    }

    private List<OutboxRow> oldestRows(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, announcement_id, revision, event_type, payload, created_at, attempts, traceparent, tracestate
                from outbox order by id limit ?""")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OutboxRow row = new OutboxRow();
                    row.id = rs.getLong("id");
                    row.announcementId = rs.getString("announcement_id");
                    row.revision = rs.getInt("revision");
                    row.eventType = rs.getString("event_type");
                    row.payload = rs.getString("payload");
                    row.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
                    row.attempts = rs.getInt("attempts");
                    row.traceparent = rs.getString("traceparent");
                    row.tracestate = rs.getString("tracestate");
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Events waiting and the age of the oldest, for the metrics and the readiness check. */
    public Duration oldestWaiting() {
        return Duration.ofSeconds(oldestAgeSeconds.get());
    }

    private void measureBacklog() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox")
                    .getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            oldestAgeSeconds.set(((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not measured: %s", rootMessage(e));
        }
    }

    private void ensureTopic() {
        if (!topicReady) {
            Topics.ensure(bootstrapServers, List.of(Topics.announcements(publisher.topic(), partitions,
                    replicationFactor)));
            topicReady = true;
        }
    }

}
