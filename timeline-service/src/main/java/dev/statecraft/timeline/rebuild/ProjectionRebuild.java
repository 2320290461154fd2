package dev.statecraft.timeline.rebuild;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.timeline.projection.EntryUpsert;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from offset 0 of the topic into {@code timeline_entry_rebuild} while
 * {@code timeline_entry} keeps serving and the live projection keeps applying to it, then swaps the tables in
 * one transaction. One rebuild at a time across all instances: the rebuild holds a session-level PostgreSQL
 * advisory lock on its own connection for its whole run (a crashed instance's connection, and with it the
 * lock, goes away; the half-built table is dropped and recreated by the next rebuild).
 */
@ApplicationScoped
public class ProjectionRebuild {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** The session-level advisory lock a running rebuild holds (distinct from the projection's change lock). */
    public static final long REBUILD_LOCK = 7244470119L;
    /** The projection's transaction-level lock that orders change_seq; the switch takes it too. */
    static final long CHANGE_ORDER_LOCK = 7244470118L;
    static final String REBUILD_TABLE = "timeline_entry_rebuild";
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** Every column but the generated search vector. */
    private static final String COLUMNS = "id, revision, published_at, kind, title, summary, publisher, source_url, "
            + "countries, organisations, persons, event, applied_at, locations, mentioned_dates, body_text, "
            + "change_seq";
    /** What the read model says about an announcement; equal contents keep their change number. */
    private static final String CONTENT = "(%1$s.revision, %1$s.published_at, %1$s.kind, %1$s.title, "
            + "%1$s.summary, %1$s.publisher, %1$s.source_url, %1$s.countries, %1$s.organisations, %1$s.persons, "
            + "%1$s.locations, %1$s.body_text, %1$s.mentioned_dates, %1$s.event)";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "statecraft.rebuild.batch-size", defaultValue = "2000")
    int batchSize;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    private final Progress progress = new Progress();

    /** Thrown when a rebuild is already running here or on another instance. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a projection rebuild is already running");
        }
    }

    public Progress.View progress() {
        return progress.view();
    }

    /**
     * Takes the cross-instance lock and starts a rebuild in the background; throws {@link AlreadyRunning} when
     * one is running anywhere.
     */
    public synchronized Progress.View start() {
        if (progress.isRunning()) {
            throw new AlreadyRunning();
        }
        Connection c;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, REBUILD_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    locked = rs.getBoolean(1);
                }
            }
            if (!locked) {
                c.close();
                throw new AlreadyRunning();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
        progress.started();
        executor.submit(() -> run(c));
        return progress.view();
    }

    private void run(Connection c) {
        try {
            LOG.info("projection rebuild: started, reading the topic from offset 0 into " + REBUILD_TABLE);
            // Losing the last commits of a crashed rebuild costs nothing (the next one starts over; the old table
            // serves until the switch), so its many commits need not wait for the WAL flush.
            try (Statement s = c.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            prepareTable(c);
            readTopic(c);
            createIndexes(c);
            analyze(c);
            Switch result = switchTables(c);
            progress.done(result);
            LOG.infof("projection rebuild: done, %d records read, %d skipped, %d newer rows caught up from the "
                    + "live table, %d rows differed from the old read model", progress.view().recordsRead(),
                    progress.view().recordsSkipped(), result.caughtUp(), result.changed());
        } catch (Throwable e) {
            progress.failed(e);
            LOG.error("projection rebuild: failed; the old read model keeps serving", e);
        } finally {
            // Closing only returns the connection to the pool: release the session lock first so it does not linger.
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, REBUILD_LOCK);
                    ps.execute();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("reset synchronous_commit"); // the connection goes back to the pool
                }
            } catch (SQLException e) {
                LOG.warn("projection rebuild: could not release the rebuild lock explicitly", e);
            } finally {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.warn("projection rebuild: could not close its connection", e);
                }
            }
        }
    }

    /**
     * A fresh table shaped like the live one, with only its primary key for now: maintaining the GIN and GiST
     * indexes row by row would cost more than the load itself, so {@link #createIndexes} builds them in one
     * pass each at the end.
     */
    private void prepareTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists " + REBUILD_TABLE);
            s.execute("create table " + REBUILD_TABLE + " (like " + EntryUpsert.LIVE_TABLE + " including all)");
            for (String index : secondaryIndexes(c, REBUILD_TABLE).keySet()) {
                s.execute("drop index " + index);
            }
        }
    }

    /** The live table's secondary indexes, built on the rebuilt table (the switch gives them their names). */
    private void createIndexes(Connection c) throws SQLException {
        long started = System.nanoTime();
        Map<String, String> live = secondaryIndexes(c, EntryUpsert.LIVE_TABLE);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // Each GIN index sorts its keys in memory: more room, fewer passes over temp files.
            s.execute("set local maintenance_work_mem = '256MB'");
            for (String definition : live.values()) {
                s.execute(definition.replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+",
                        "CREATE $1INDEX ON " + REBUILD_TABLE));
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        LOG.infof("projection rebuild: %d indexes built in %d ms", live.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Index name → definition, of every index but the primary key. */
    private static Map<String, String> secondaryIndexes(Connection c, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select indexrelid::regclass::text, pg_get_indexdef(indexrelid)"
                + " from pg_index where indrelid = cast(? as regclass) and not indisprimary")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return indexes;
    }

    private void readTopic(Connection c) throws SQLException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                ConsumerConfig.CLIENT_ID_CONFIG, "timeline-service-rebuild");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            String topic = AnnouncementEvents.TOPIC;
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long endTotal = end.values().stream().mapToLong(Long::longValue).sum();
            long toRead = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            progress.endOffsets(endTotal, toRead);
            LOG.infof("projection rebuild: %d partitions, end offsets total %d, at most %d records to read",
                    partitions.size(), endTotal, toRead);

            c.setAutoCommit(false);
            Instant lastLog = Instant.now();
            Map<TopicPartition, Long> position = new HashMap<>(begin);
            while (partitions.stream().anyMatch(p -> position.get(p) < end.get(p))) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<Announcement> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // arrived after the start: the live projection has it, the switch carries it over
                    }
                    read(record, batch);
                }
                // One statement and one transaction per poll; newest revision wins as in the live projection.
                EntryUpsert.applyAll(c, REBUILD_TABLE, batch);
                c.commit();
                for (TopicPartition p : partitions) {
                    position.put(p, Math.min(consumer.position(p), end.get(p)));
                }
                progress.lag(partitions.stream().mapToLong(p -> end.get(p) - position.get(p)).sum());
                if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                    lastLog = Instant.now();
                    Progress.View v = progress.view();
                    LOG.infof("projection rebuild: %d records read, lag %d, %.1f/s, eta %s s", v.recordsRead(),
                            v.lag(), v.ratePerSecond(), v.etaSeconds());
                }
            }
            c.setAutoCommit(true);
        }
    }

    private void read(ConsumerRecord<String, String> record, List<Announcement> batch) {
        Announcement a;
        try {
            a = AnnouncementRecords.read(record);
        } catch (RuntimeException e) {
            // The live projection sent this record to the dead letters; a rebuild skips it the same way.
            progress.skipped();
            LOG.warnf("projection rebuild: skipping unreadable record %s: %s", AnnouncementRecords.coordinates(record),
                    e.getMessage());
            return;
        }
        batch.add(a);
        progress.read();
    }

    private void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + REBUILD_TABLE);
        }
    }

    record Switch(int caughtUp, int changed) {
    }

    /**
     * In one transaction: lock the live table, carry over rows the live projection applied that are newer than
     * what the rebuild read, give every row whose content differs from the old read model a fresh change number
     * (so stream clients see exactly those, after everything they have seen) and every unchanged row its old
     * one, swap the tables, drop the old one and give the indexes their usual names.
     */
    Switch switchTables(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(120);
            // Same order as the projection (advisory lock, then the table) so the two cannot deadlock.
            s.execute("select pg_advisory_xact_lock(" + CHANGE_ORDER_LOCK + ")");
            s.execute("lock table " + EntryUpsert.LIVE_TABLE + " in access exclusive mode");
            int caughtUp = s.executeUpdate("insert into " + REBUILD_TABLE + " (" + COLUMNS + ") select " + COLUMNS
                    + " from " + EntryUpsert.LIVE_TABLE + " l where l.revision > coalesce((select r.revision from "
                    + REBUILD_TABLE + " r where r.id = l.id), 0) on conflict (id) do update set "
                    + updateAll());
            int changed = s.executeUpdate("update " + REBUILD_TABLE + " r set change_seq = nextval('timeline_change_seq')"
                    + " where not exists (select 1 from " + EntryUpsert.LIVE_TABLE + " l where l.id = r.id and "
                    + CONTENT.formatted("r") + " is not distinct from " + CONTENT.formatted("l") + ")");
            s.executeUpdate("update " + REBUILD_TABLE + " r set change_seq = l.change_seq, applied_at = l.applied_at"
                    + " from " + EntryUpsert.LIVE_TABLE + " l where l.id = r.id and r.change_seq <> l.change_seq and "
                    + CONTENT.formatted("r") + " is not distinct from " + CONTENT.formatted("l"));
            Map<String, String> liveIndexes = indexes(c, EntryUpsert.LIVE_TABLE);
            Map<String, String> rebuildIndexes = indexes(c, REBUILD_TABLE);
            s.execute("drop table " + EntryUpsert.LIVE_TABLE);
            s.execute("alter table " + REBUILD_TABLE + " rename to " + EntryUpsert.LIVE_TABLE);
            for (Map.Entry<String, String> index : rebuildIndexes.entrySet()) {
                String usual = liveIndexes.get(index.getKey());
                if (usual != null && !usual.equals(index.getValue())) {
                    s.execute("alter index " + index.getValue() + " rename to " + usual);
                }
            }
            c.commit();
            return new Switch(caughtUp, changed);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String updateAll() {
        StringBuilder set = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            if (!column.equals("id")) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        return set.toString();
    }

    /** Index definition without its name and table → index name. */
    private static Map<String, String> indexes(Connection c, String table) throws SQLException {
        Map<String, String> byDefinition = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select indexrelid::regclass::text, pg_get_indexdef(indexrelid)"
                + " from pg_index where indrelid = cast(? as regclass)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String definition = rs.getString(2)
                            .replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+", "$1");
                    byDefinition.put(definition, rs.getString(1));
                }
            }
        }
        return byDefinition;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
