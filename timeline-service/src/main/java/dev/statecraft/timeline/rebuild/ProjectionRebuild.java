package dev.statecraft.timeline.rebuild;

import dev.statecraft.support.concurrent.DaemonThreads;
import dev.statecraft.timeline.projection.EntryUpsert;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
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
    /** Where the bulk load puts every record of an id after its first; merged in by the revision rule. */
    static final String STAGING_TABLE = "timeline_entry_rebuild_newer";
    /** The replaced live table between the switch's commit and its drop (a crash in between leaves it). */
    static final String RETIRED_TABLE = "timeline_entry_retired";

    /** Every column. */
    private static final String COLUMNS = "id, revision, published_at, kind, title, summary, publisher, source_url, "
            + "countries, organisations, persons, event, applied_at, locations, mentioned_dates, body_text, "
            + "search, content_hash, change_seq";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "statecraft.rebuild.batch-size", defaultValue = "2000")
    int batchSize;

    /** Threads that turn records into rows while rebuilding; 0 = one per core. */
    @ConfigProperty(name = "statecraft.rebuild.parse-threads", defaultValue = "0")
    int parseThreads;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("projection-rebuild"));

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
        Connection other = null;
        try {
            LOG.info("projection rebuild: started, reading the topic from offset 0 into " + REBUILD_TABLE);
            // A second connection: the later revisions' COPY, then the second of two index builds at a time.
            other = dataSource.getConnection();
            other.setAutoCommit(true);
            // Losing the last commits of a crashed rebuild costs nothing (the next one starts over; the old table
            // serves until the switch), so its many commits need not wait for the WAL flush. Each index sorts
            // its keys in memory: more room, fewer passes over temp files.
            for (Connection session : List.of(c, other)) {
                try (Statement s = session.createStatement()) {
                    s.execute("set synchronous_commit = off");
                    s.execute("set maintenance_work_mem = '256MB'");
                }
            }
            prepareTable(c);
            LiveNumbers kept = liveNumbers(c);
            int threads = parseThreads > 0 ? parseThreads : Runtime.getRuntime().availableProcessors();
            new BulkLoad(bootstrapServers, batchSize, threads, progress, kept, new FreshNumbers(kept.seqStart()))
                    .load(c, REBUILD_TABLE, other, STAGING_TABLE);
            mergeLaterRevisions(c);
            createIndexes(c, other);
            analyze(c);
            Switch result = switchTables(c, kept.seqStart());
            progress.done(result);
            LOG.infof("projection rebuild: done, %d records read, %d skipped, %d newer rows caught up from the "
                    + "live table, %d changed rows renumbered at the switch", progress.view().recordsRead(),
                    progress.view().recordsSkipped(), result.caughtUp(), result.changed());
        } catch (Throwable e) {
            progress.failed(e);
            LOG.error("projection rebuild: failed; the old read model keeps serving", e);
        } finally {
            if (other != null) {
                release(other);
            }
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
                    s.execute("reset maintenance_work_mem");
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

    /** Back to the pool as it came: session settings reset. */
    private static void release(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("reset synchronous_commit");
            s.execute("reset maintenance_work_mem");
        } catch (SQLException e) {
            LOG.warn("projection rebuild: could not reset its second connection", e);
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("projection rebuild: could not close its second connection", e);
        }
    }

    /**
     * A fresh table shaped like the live one, without any index for now (not even its primary key): COPY
     * appends rows, and each index is built in one sort at the end instead of row by row (GIN and GiST
     * maintenance per row would cost more than the load itself). Plus the staging table of later revisions.
     */
    private void prepareTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists " + STAGING_TABLE);
            s.execute("drop table if exists " + RETIRED_TABLE);
            s.execute("drop table if exists " + REBUILD_TABLE);
            s.execute("create table " + REBUILD_TABLE + " (like " + EntryUpsert.LIVE_TABLE + " including all)");
            for (String index : secondaryIndexes(c, REBUILD_TABLE).keySet()) {
                s.execute("drop index " + index);
            }
            s.execute("alter table " + REBUILD_TABLE + " drop constraint " + REBUILD_TABLE + "_pkey");
            // LIKE copies no triggers: the live table's (V17: an edit that keeps the content hash clears it).
            for (String trigger : triggers(c, EntryUpsert.LIVE_TABLE)) {
                s.execute(trigger.replaceFirst(" ON (ONLY )?\\S+ ", " ON " + REBUILD_TABLE + " "));
            }
            // Unlogged: its rows are merged into the rebuilt table, and a crash means starting over anyway.
            s.execute("create unlogged table " + STAGING_TABLE + " (like " + EntryUpsert.LIVE_TABLE
                    + " including defaults)");
            // LIKE copies no storage parameters: rows stored inline, uncompressed (V11), as in the live table.
            String options = storageParameters(c, EntryUpsert.LIVE_TABLE);
            if (options != null) {
                s.execute("alter table " + REBUILD_TABLE + " set (" + options + ")");
                s.execute("alter table " + STAGING_TABLE + " set (" + options + ")");
            }
        }
    }

    /** The definitions of the table's own triggers. */
    private static List<String> triggers(Connection c, String table) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select pg_get_triggerdef(oid) from pg_trigger where tgrelid = "
                + "cast(? as regclass) and not tgisinternal")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
        }
        return triggers;
    }

    /** The live rows' change numbers and content hashes, read before loading (see {@link LiveNumbers}). */
    private static LiveNumbers liveNumbers(Connection c) throws SQLException {
        long started = System.nanoTime();
        LiveNumbers kept = LiveNumbers.read(c, CHANGE_ORDER_LOCK);
        LOG.infof("projection rebuild: change numbers of %d live rows read in %d ms (%d stored before V17, their "
                + "content hash computed from their columns); live numbers up to %d, a changed row's number above %d",
                kept.size(), (System.nanoTime() - started) / 1_000_000, kept.withoutHash(), kept.seqStart(),
                FreshNumbers.floor(kept.seqStart()));
        return kept;
    }

    /** The table's storage parameters as {@code alter table … set (…)} takes them, null when it has none. */
    static String storageParameters(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select array_to_string(reloptions, ', ') from pg_class "
                + "where oid = cast(? as regclass)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The primary key (the first record of every id is in the table exactly once), then the later records of
     * ids by the upsert's rule: the highest revision wins, an equal or older one changes nothing.
     */
    private void mergeLaterRevisions(Connection c) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("alter table " + REBUILD_TABLE + " add constraint " + REBUILD_TABLE + "_pkey primary key (id)");
            long keyed = System.nanoTime();
            int merged = s.executeUpdate("insert into " + REBUILD_TABLE + " as t (" + COLUMNS + ") select distinct on"
                    + " (id) " + COLUMNS + " from " + STAGING_TABLE + " order by id, revision desc on conflict (id) do "
                    + "update set " + updateAll() + " where t.revision < excluded.revision"); // numbered while loading
            s.execute("drop table " + STAGING_TABLE);
            LOG.infof("projection rebuild: primary key built in %d ms, %d newer revisions merged in %d ms",
                    (keyed - started) / 1_000_000, merged, (System.nanoTime() - keyed) / 1_000_000);
        }
    }

    /**
     * The live table's secondary indexes, built on the rebuilt table (the switch gives them their names), two
     * at a time on the rebuild's two connections, the costliest first.
     */
    private void createIndexes(Connection c, Connection other) throws Exception {
        long started = System.nanoTime();
        Map<String, String> live = secondaryIndexes(c, EntryUpsert.LIVE_TABLE);
        Deque<String> definitions = new ConcurrentLinkedDeque<>();
        live.values().stream()
                .sorted(Comparator.comparingInt(ProjectionRebuild::buildCostRank))
                .map(d -> d.replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+", "CREATE $1INDEX ON "
                        + REBUILD_TABLE))
                .forEach(definitions::add);
        ExecutorService builders = Executors.newFixedThreadPool(2, DaemonThreads.named("projection-rebuild-index"));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Connection session : List.of(c, other)) {
                done.add(builders.submit(() -> {
                    try (Statement s = session.createStatement()) {
                        for (String d = definitions.poll(); d != null; d = definitions.poll()) {
                            long one = System.nanoTime();
                            s.execute(d);
                            LOG.infof("projection rebuild: %s in %d ms", d, (System.nanoTime() - one) / 1_000_000);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            builders.shutdownNow();
        }
        LOG.infof("projection rebuild: %d indexes built in %d ms", live.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Longest build first, so that the two long ones start together, one per connection, and the short ones fill
     * in after (longest-processing-time-first): the GIN on search (~24 s at 1M rows), the GiST on mentioned dates,
     * the other GIN indexes on arrays, then the B-trees (under 3 s each). When the GiST was taken after the array
     * GINs, it started last and ran alone at the end (timeline-1m.txt, sections 18 and 20).
     */
    static int buildCostRank(String definition) {
        if (definition.contains("USING gin (search)")) {
            return 0;
        }
        if (definition.contains("USING gist")) {
            return 1;
        }
        return definition.contains("USING gin") ? 2 : 3;
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

    private void analyze(Connection c) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + REBUILD_TABLE);
        }
        // Its time stamp ends what the rebuild benchmark calls "to the switch".
        LOG.infof("projection rebuild: analyzed in %d ms, switching tables", (System.nanoTime() - started) / 1_000_000);
    }

    record Switch(int caughtUp, int changed) {
    }

    /**
     * Carries over the rows the live projection applied while the rebuild ran, makes sure every row the rebuild
     * numbered anew is above every number a client can have seen, and swaps the tables. Unchanged rows took their
     * old numbers while loading ({@link LiveNumbers}), so nothing here touches them. In three steps, each holding
     * less than the one before:
     * <ol>
     * <li>no lock: the live rows newer than the rebuilt ones (nearly all that arrived during the rebuild), and
     * the live row's number for a rebuilt row that the live projection wrote with the same content after
     * {@link LiveNumbers} was read (the rebuild loaded that revision too: the client has seen it);</li>
     * <li>the projection's change-order lock, in the switch's transaction (live writes wait, readers do not): the
     * same for the rows changed since step 1 (change_seq above its highest, an index range), then a new number
     * for any row numbered while loading ({@code change_seq > seqStart}) at or below the live table's highest:
     * none, as {@link FreshNumbers} counts from far above it (kept as the rule that makes the contract hold),
     * and the sequence moved past the rebuilt table's highest number;</li>
     * <li>ACCESS EXCLUSIVE on the live table (readers wait) only to rename it and its indexes away and the rebuilt
     * table and its indexes to the usual names: catalog work, its wait and hold times logged. The old table is
     * dropped after the commit.</li>
     * </ol>
     * Any failure before the commit rolls the transaction back: the old table keeps serving.
     */
    Switch switchTables(Connection c, long seqStart) throws SQLException {
        long started = System.nanoTime();
        long seen;
        int caughtUp;
        try (Statement s = c.createStatement()) {
            seen = liveMax(s); // read before the catch-up: whatever that misses committed later, with a higher number
            keepLiveNumbers(s, seqStart);
            caughtUp = catchUp(s, seqStart);
        }
        long unlocked = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(120);
            // Same order as the projection (advisory lock, then the table) so the two cannot deadlock.
            s.execute("select pg_advisory_xact_lock(" + CHANGE_ORDER_LOCK + ")");
            long ordered = System.nanoTime();
            keepLiveNumbers(s, seen);
            caughtUp += catchUp(s, seen);
            // Rows caught up from the live table carry its numbers, which clients have seen: those stay.
            long liveMax = liveMax(s);
            if (liveMax >= FreshNumbers.floor(seqStart)) {
                throw new IllegalStateException("the live projection wrote more than " + FreshNumbers.HEADROOM
                        + " rows during the rebuild, into the numbers it gave changed rows; rebuild again");
            }
            int changed = s.executeUpdate("update " + REBUILD_TABLE + " r set change_seq = nextval('timeline_change_seq')"
                    + " where r.change_seq > " + seqStart + " and r.change_seq <= " + liveMax + " and not exists "
                    + "(select 1 from " + EntryUpsert.LIVE_TABLE + " l where l.change_seq = r.change_seq)");
            // Live writes after the switch come after the rows the rebuild numbered from above (FreshNumbers).
            // setval is not undone by a rollback: a failed switch leaves a gap, which the stream does not mind.
            s.execute("select setval('timeline_change_seq', greatest((select coalesce(max(change_seq), 0) from "
                    + REBUILD_TABLE + "), (select last_value from timeline_change_seq)))");
            long renumbered = System.nanoTime();
            s.execute("lock table " + EntryUpsert.LIVE_TABLE + " in access exclusive mode");
            long exclusive = System.nanoTime();
            Map<String, String> liveIndexes = indexes(c, EntryUpsert.LIVE_TABLE);
            Map<String, String> rebuildIndexes = indexes(c, REBUILD_TABLE);
            // Renamed away, dropped after the commit: dropping a 4.5 GB table under this lock held it 1.4 s.
            s.execute("alter table " + EntryUpsert.LIVE_TABLE + " rename to " + RETIRED_TABLE);
            int retired = 0;
            for (String index : liveIndexes.values()) {
                s.execute("alter index " + index + " rename to " + RETIRED_TABLE + "_" + ++retired);
            }
            s.execute("alter table " + REBUILD_TABLE + " rename to " + EntryUpsert.LIVE_TABLE);
            for (Map.Entry<String, String> index : rebuildIndexes.entrySet()) {
                String usual = liveIndexes.get(index.getKey());
                if (usual != null && !usual.equals(index.getValue())) {
                    s.execute("alter index " + index.getValue() + " rename to " + usual);
                }
            }
            c.commit();
            long committed = System.nanoTime();
            c.setAutoCommit(true);
            try {
                s.execute("drop table " + RETIRED_TABLE);
            } catch (SQLException e) {
                LOG.warn("projection rebuild: could not drop the old table; the next rebuild drops it", e);
            }
            LOG.infof("projection rebuild: switched: %d live rows caught up (%d ms without a lock), change-order lock "
                    + "waited %d ms and held %d ms (catch-up and %d rows renumbered in %d ms), ACCESS EXCLUSIVE lock "
                    + "waited %d ms and held %d ms; the old table dropped after in %d ms", caughtUp,
                    ms(unlocked - started), ms(ordered - unlocked), ms(committed - ordered), changed,
                    ms(renumbered - ordered), ms(exclusive - renumbered), ms(committed - exclusive),
                    ms(System.nanoTime() - committed));
            return new Switch(caughtUp, changed);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Upserts the live rows written after number {@code above} (an index range) that are newer than the rebuilt
     * ones or missing there. Everything the live projection wrote since the rebuild started is above its
     * {@code seqStart} ({@link LiveNumbers}); a row written before is backed by the topic the rebuild read, and one
     * that is not (a row inserted by hand) is left out, as documented: the rebuilt model is the topic's.
     */
    private static int catchUp(Statement s, long above) throws SQLException {
        return s.executeUpdate("insert into " + REBUILD_TABLE + " (" + COLUMNS + ") select " + COLUMNS + " from "
                + EntryUpsert.LIVE_TABLE + " l where l.change_seq > " + above + " and l.revision > coalesce((select "
                + "r.revision from " + REBUILD_TABLE + " r where r.id = l.id), 0) on conflict (id) do update set "
                + updateAll());
    }

    /**
     * A rebuilt row whose content equals its live row's, which the live projection wrote after number
     * {@code above}, takes that row's number and applied_at: the same revision, which clients have seen.
     */
    private static void keepLiveNumbers(Statement s, long above) throws SQLException {
        s.executeUpdate("update " + REBUILD_TABLE + " r set change_seq = l.change_seq, applied_at = l.applied_at from "
                + EntryUpsert.LIVE_TABLE + " l where l.change_seq > " + above + " and l.id = r.id and l.content_hash "
                + "= r.content_hash and r.change_seq <> l.change_seq");
    }

    private static long liveMax(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select coalesce(max(change_seq), 0) from " + EntryUpsert.LIVE_TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
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
