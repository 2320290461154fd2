package dev.statecraft.timeline.query;

import dev.statecraft.timeline.query.TimelineQuery.Cursor;
import dev.statecraft.timeline.query.TimelineQuery.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.statecraft.timeline.facets.IndexedFacets;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the timeline with keyset pagination over (published_at desc, id desc), or (rank desc, id desc) by
 * relevance: no OFFSET scans.
 */
@ApplicationScoped
public class TimelineRepository {
    private static final String COLUMNS = """
            select id, revision, published_at, applied_at, kind, title, summary, publisher, source_url, countries,
                   organisations, persons, locations""";
    private static final String SEARCH_COLUMNS = """
            , ts_rank(search, query) as rank,
              ts_headline('english', coalesce(body_text, summary, title), query,
                          'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10') as snippet""";

    /** Entries the index names beyond the page: as many rows may change between its polls without a fallback. */
    static final int SPARE = 32;
    private static final Filters NO_FILTERS = Filters.from(Map.of());
    private static final String TABLE_AND_CHANGED = "select cast(cast('timeline_entry' as regclass) as oid) table_oid,"
            + " (select count(*) from timeline_entry where change_seq > ?) changed";

    @Inject
    DataSource dataSource;
    @Inject
    IndexedFacets index;
    /** false: every page by SQL alone (for before/after measurements); the facets keep their index. */
    @ConfigProperty(name = "statecraft.timeline.index-pages", defaultValue = "true")
    boolean indexPages;

    public record Page(List<TimelineItem> items, Cursor next) {
    }

    /** The announcement as stored: its event JSON at the newest revision. */
    public record Stored(int revision, String event) {
    }

    /**
     * A page newest first: for the filters the in-memory index evaluates, the index names the page's entries and
     * they are read by primary key ({@link #findIndexed}); otherwise, or when the index cannot vouch for the
     * table, by SQL alone. Both give the same page.
     */
    public Page find(TimelineQuery q) {
        if (indexPages && q.sort() == Sort.PUBLISHED) {
            Optional<Page> page = findIndexed(q);
            if (page.isPresent()) {
                return page.get();
            }
        }
        return findBySql(q);
    }

    /**
     * The page from the ids the index names, fetched by primary key. Usually the index holds every change of the
     * table: then the page is exactly the {@code limit + 1} entries it names (plus ties), read by primary key
     * alone ({@link #exactPage}: no filter evaluated again, no spare rows, one statement whose text is the same
     * for every filter, so the driver keeps it prepared). Otherwise ({@link #pageWithSpares}) every filter and
     * the cursor are applied again in SQL: an entry the index counts but whose row changed after the index's last
     * change number is re-checked by the filters; a row that changed after it and now matches is added by
     * {@code change_seq > last}; the index names {@link #SPARE} more entries than the page needs, so up to that
     * many changed rows cannot shorten the page. More changes than that, or a replaced table (a rebuild
     * switched), and SQL alone answers. The table's identity, the number of changed rows and the page come from
     * one statement, so they see one state of the database without a transaction of their own (a
     * repeatable-read snapshot cost four more round trips per page: isolation set and reset, begin, rollback).
     */
    public Optional<Page> findIndexed(TimelineQuery q) {
        Instant before = q.after() == null ? null : q.after().publishedAt();
        Optional<IndexedFacets.PageCandidates> exact = index.newest(q.filters(), before, q.limit() + 1);
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<TimelineItem>> rows = exactPage(q, exact.get());
        if (rows.isPresent()) {
            return Optional.of(page(q, rows.get()));
        }
        return findIndexedWithSpares(q);
    }

    /**
     * The page {@link #findIndexed} falls back to while the index is behind the table (filters again, spare
     * entries, changed rows added), taken even when the index is current: tests compare it with SQL's page.
     */
    public Optional<Page> findIndexedWithSpares(TimelineQuery q) {
        Instant before = q.after() == null ? null : q.after().publishedAt();
        return index.newest(q.filters(), before, q.limit() + 1 + SPARE).flatMap(named -> pageWithSpares(q, named));
    }

    /**
     * The named entries themselves when no row changed after the index's last change number (in the same
     * statement's snapshot, so the index and the rows agree exactly); empty when one did or the table was
     * replaced.
     */
    private Optional<List<TimelineItem>> exactPage(TimelineQuery q, IndexedFacets.PageCandidates candidates) {
        SqlWhere where = SqlWhere.of(NO_FILTERS).and("id = any(?)", candidates.ids());
        return guardedPage(q, candidates, where, 0);
    }

    private Optional<Page> pageWithSpares(TimelineQuery q, IndexedFacets.PageCandidates candidates) {
        SqlWhere where = SqlWhere.of(q.filters()).and("(id = any(?) or change_seq > ?)", candidates.ids(),
                candidates.lastChange());
        return guardedPage(q, candidates, where, SPARE).map(rows -> page(q, rows));
    }

    /** The page's rows under {@code where}, if the table is the index's and at most {@code maxChanged} rows changed. */
    private Optional<List<TimelineItem>> guardedPage(TimelineQuery q, IndexedFacets.PageCandidates candidates,
            SqlWhere where, int maxChanged) {
        Select page = pageSelect(q, where, false);
        // The guard row always comes (left join), with the page's rows or, for an empty page, nulls beside it.
        // The outer order repeats the page's: SQL promises no order of a join's rows without one.
        String sql = "select g.table_oid, g.changed, p.* from (" + TABLE_AND_CHANGED + ") g left join lateral ("
                + page.sql() + ") p on true order by p.published_at desc, p.id desc";
        List<Object> args = new ArrayList<>();
        args.add(candidates.lastChange());
        args.addAll(page.args());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlWhere.bind(c, ps, args);
            List<TimelineItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != candidates.table() || rs.getLong(2) > maxChanged) {
                        return Optional.empty();
                    }
                    if (rs.getString("id") != null) {
                        items.add(item(rs, false));
                    }
                }
            }
            return Optional.of(items);
        } catch (SQLException e) {
            throw new IllegalStateException("timeline query failed", e);
        }
    }

    public Page findBySql(TimelineQuery q) {
        boolean search = q.filters().q() != null;
        try (Connection c = dataSource.getConnection()) {
            return page(c, q, SqlWhere.of(q.filters()), search);
        } catch (SQLException e) {
            throw new IllegalStateException("timeline query failed", e);
        }
    }

    private static Page page(Connection c, TimelineQuery q, SqlWhere where, boolean search) throws SQLException {
        Select select = pageSelect(q, where, search);
        try (PreparedStatement ps = c.prepareStatement(select.sql())) {
            SqlWhere.bind(c, ps, select.args());
            List<TimelineItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs, search));
                }
            }
            return page(q, items);
        }
    }

    private record Select(String sql, List<Object> args) {
    }

    /** The page's statement: the filters, the cursor, the order and one row more than the page (is there a next?). */
    private static Select pageSelect(TimelineQuery q, SqlWhere where, boolean search) {
        if (q.after() != null && q.sort() == Sort.RELEVANCE) {
            where.and("(ts_rank(search, query), id) < (cast(? as real), ?)", q.after().rank(), q.after().id());
        } else if (q.after() != null) {
            where.and("(published_at, id) < (?, ?)", Timestamp.from(q.after().publishedAt()), q.after().id());
        }
        String order = q.sort() == Sort.RELEVANCE ? " order by rank desc, id desc" : " order by published_at desc, id desc";
        String sql = COLUMNS + (search ? SEARCH_COLUMNS : "") + where.fromWhere() + order + " limit ?";
        List<Object> args = new ArrayList<>(where.args());
        args.add(q.limit() + 1);
        return new Select(sql, args);
    }

    /** The first {@code limit} rows, and the cursor after the last of them when there was one more. */
    private static Page page(TimelineQuery q, List<TimelineItem> rows) {
        List<TimelineItem> items = rows;
        Cursor next = null;
        if (items.size() > q.limit()) {
            items = items.subList(0, q.limit());
            TimelineItem last = items.get(items.size() - 1);
            next = q.sort() == Sort.RELEVANCE ? new Cursor(Sort.RELEVANCE, Float.toString(last.rank()), last.id())
                    : new Cursor(Sort.PUBLISHED, last.publishedAt().toString(), last.id());
        }
        return new Page(List.copyOf(items), next);
    }

    /** An applied upsert: the row's change number and its state now. */
    public record Change(long seq, TimelineItem item) {
    }

    /** Rows changed after {@code afterSeq} that match the filters, oldest change first. */
    public List<Change> changes(Filters filters, long afterSeq, int limit) {
        boolean search = filters.q() != null;
        SqlWhere where = SqlWhere.of(filters).and("change_seq > ?", afterSeq);
        String sql = COLUMNS + ", change_seq" + (search ? SEARCH_COLUMNS : "") + where.fromWhere()
                + " order by change_seq limit ?";
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlWhere.bind(c, ps, args);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getLong("change_seq"), item(rs, search)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("change query failed", e);
        }
    }

    /** The newest change number, 0 while the timeline is empty. */
    public long lastChange() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(max(change_seq), 0) from timeline_entry");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("change query failed", e);
        }
    }

    public Optional<Stored> find(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select revision, event from timeline_entry where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("announcement lookup failed", e);
        }
    }

    private static TimelineItem item(ResultSet rs, boolean search) throws SQLException {
        return new TimelineItem(rs.getString("id"), rs.getInt("revision"),
                rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("applied_at").toInstant(),
                rs.getString("kind"), rs.getString("title"),
                rs.getString("summary"), rs.getString("publisher"), rs.getString("source_url"),
                strings(rs, "countries"), strings(rs, "organisations"), strings(rs, "persons"),
                strings(rs, "locations"), search ? rs.getFloat("rank") : null, search ? rs.getString("snippet") : null);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
