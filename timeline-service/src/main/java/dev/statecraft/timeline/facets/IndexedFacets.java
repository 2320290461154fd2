package dev.statecraft.timeline.facets;

import dev.statecraft.support.concurrent.DaemonThreads;
import dev.statecraft.timeline.facets.FacetsRepository.Facets;
import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.Snapshot;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link FacetIndex} of {@code timeline_entry} and answers facet requests from it when it can.
 *
 * <p>The database stays the only source of truth, so several instances sharing it agree: the index is loaded
 * from one consistent snapshot (rows and the highest change number in it), and a poll every
 * {@code statecraft.facets.index.poll} catches up with the rows whose {@code change_seq} is above the highest
 * it has applied (every applied upsert takes a new one, and the projection's change-order lock makes them
 * visible in order, as the SSE stream relies on). Requests never wait for the database (a pool busy with slow SQL
 * cannot stall them): they count exactly what the table held at the last poll, so a change shows up in the counts within one poll interval. A projection
 * rebuild replaces the table (a new oid, rows may have gone): the poll sees it and reloads the index in the
 * background; SQL answers meanwhile, as it does while the first load runs (a failed load is retried by the
 * next poll) and for filters the index does not evaluate.
 */
@ApplicationScoped
public class IndexedFacets {
    private static final Logger LOG = Logger.getLogger(IndexedFacets.class);
    private static final String TABLE_AND_NEWEST = "select cast(cast('timeline_entry' as regclass) as oid),"
            + " (select coalesce(max(change_seq), 0) from timeline_entry)";
    private static final String COLUMNS = "select id, kind, published_at, countries, organisations, persons,"
            + " change_seq from timeline_entry";
    private static final int CATCH_UP_PAGE = 5000;

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "statecraft.facets.index.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "statecraft.facets.index.poll", defaultValue = "PT0.2S")
    Duration pollInterval;

    /** The index with the table it mirrors (the highest change number applied is the index's own). */
    private static final class Loaded {
        final FacetIndex index = new FacetIndex();
        long table;
    }

    /**
     * Entries for a timeline page, newest first, as {@link FacetIndex#newest} names them, with what they are
     * exact for: the table (its oid) and the highest change number the index held. Rows changed after that
     * change number may have left or joined the filter; a caller adds them from the table.
     */
    public record PageCandidates(List<String> ids, long table, long lastChange) {
    }

    private volatile Loaded current;
    /** One thread loads and polls, so a (re)load and a catch-up never overlap. */
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("facet-index-poller"));

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
    }

    /** The counts from the index as of its last poll; empty when SQL has to answer. */
    public Optional<Facets> count(Filters filters) {
        Loaded loaded = current;
        if (!enabled || loaded == null || !FacetIndex.supports(filters)) {
            return Optional.empty();
        }
        return Optional.of(loaded.index.count(filters));
    }

    /**
     * The ids of the newest {@code n} entries matching {@code filters} published at or before {@code before}
     * (null: from the newest), plus ties at both ends; empty when the index cannot answer.
     */
    public Optional<PageCandidates> newest(Filters filters, Instant before, int n) {
        Loaded loaded = current;
        if (!enabled || loaded == null || !FacetIndex.supports(filters)) {
            return Optional.empty();
        }
        Long micros = before == null ? null
                : Math.addExact(Math.multiplyExact(before.getEpochSecond(), 1_000_000L), before.getNano() / 1_000);
        FacetIndex.Newest newest = loaded.index.newest(filters, micros, n);
        return Optional.of(new PageCandidates(newest.ids(), loaded.table, newest.lastChange()));
    }

    /** Keeps the index in step with the table: catches up, or (re)loads after a switch or a failed load. */
    void poll() {
        try {
            Loaded loaded = current;
            if (loaded == null) {
                load();
            } else if (!catchUp(loaded)) {
                current = null; // the table was replaced: SQL answers until the reload is done
                load();
            }
        } catch (Exception e) {
            LOG.warnf("facet index not up to date, retried at the next poll (SQL answers while none is loaded): %s",
                    e.toString());
        }
    }

    /** Applies the rows changed since the last look; false when the table was replaced (a rebuild switched). */
    private boolean catchUp(Loaded loaded) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long[] tableAndNewest = tableAndNewest(c);
            if (tableAndNewest[0] != loaded.table) {
                return false;
            }
            if (tableAndNewest[1] <= loaded.index.lastChange()) {
                return true;
            }
            while (loaded.index.lastChange() < tableAndNewest[1]) {
                int read = 0;
                try (PreparedStatement ps = c.prepareStatement(COLUMNS
                        + " where change_seq > ? order by change_seq limit " + CATCH_UP_PAGE)) {
                    ps.setLong(1, loaded.index.lastChange());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            put(loaded.index, rs);
                            read++;
                        }
                    }
                }
                if (read < CATCH_UP_PAGE) {
                    break;
                }
            }
            // The rows above were read from the same table only if it is still the one the index mirrors.
            return tableAndNewest(c)[0] == loaded.table;
        }
    }

    /** Every row of one snapshot, with the table's oid and the highest change number in that snapshot. */
    private void load() throws SQLException {
        long started = System.nanoTime();
        Loaded loaded;
        try (Connection c = dataSource.getConnection()) {
            loaded = Snapshot.read(c, snapshot -> {
                Loaded l = new Loaded();
                l.table = tableAndNewest(snapshot)[0];
                try (Statement s = snapshot.createStatement()) {
                    s.setFetchSize(10_000);
                    try (ResultSet rs = s.executeQuery(COLUMNS)) {
                        while (rs.next()) {
                            put(l.index, rs);
                        }
                    }
                }
                return l;
            });
        }
        current = loaded;
        LOG.infof("facet index loaded: %d entries up to change %d in %d ms, posting lists %d MB", loaded.index.size(),
                loaded.index.lastChange(), (System.nanoTime() - started) / 1_000_000,
                loaded.index.postingBytes() / 1_000_000);
    }

    private static long[] tableAndNewest(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLE_AND_NEWEST)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static void put(FacetIndex index, ResultSet rs) throws SQLException {
        index.put(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), strings(rs.getArray(4)),
                strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getLong(7));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
