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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private static final String SNIPPET = """
            ts_headline('english', coalesce(body_text, summary, title), query,
                        'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10') as snippet""";
    private static final String SEARCH_COLUMNS = ", ts_rank(search, query) as rank, " + SNIPPET;
    /**
     * The KNN order of the (published_at, mentioned_dates) GiST index (V16): distance from a point after every
     * publication instant is newest first. Its distances are float8 seconds, exact to ~60 µs this far out, so
     * the page statement re-reads the rows within a millisecond of the found page's oldest instant itself.
     */
    private static final String NEWEST_FIRST_BY_DISTANCE = "published_at <-> cast('9999-12-31 00:00:00+00' as timestamptz)";

    /** Entries the index names beyond the page: as many rows may change between its polls without a fallback. */
    static final int SPARE = 32;
    private static final Filters NO_FILTERS = Filters.from(Map.of());
    private static final String TABLE_AND_CHANGED = "select cast(cast('timeline_entry' as regclass) as oid) table_oid,"
            + " (select count(*) from timeline_entry where change_seq > ?) changed";

    @Inject
    DataSource dataSource;
    /**
     * The SQL path's own pool ({@code quarkus.datasource."sql-path"}): its statements end at PostgreSQL's
     * {@code statement_timeout} ({@code statecraft.timeline.sql-timeout-ms}) and are planned for their own
     * parameters, and however slow they get they cannot take the connections the index-served pages use.
     */
    @Inject
    @io.quarkus.agroal.DataSource("sql-path")
    DataSource sqlPath;
    /** PostgreSQL's statement timeout on the SQL path, which is also the budget of one request's statements. */
    @ConfigProperty(name = "statecraft.timeline.sql-timeout-ms")
    long sqlTimeoutMillis;

    /** Relevance ranks the newest this many matches (and, on later pages, the matches from the oldest of them on). */
    @ConfigProperty(name = "statecraft.timeline.relevance-candidates", defaultValue = "1000")
    int relevanceCandidates;
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
        SqlWhere where = SqlWhere.of(NO_FILTERS).and("id = any(cast(? as text[]))", arrayLiteral(candidates.ids()));
        return guardedPage(q, candidates, where, 0);
    }

    /**
     * The ids as one text[] literal, every element quoted ({@code "} and {@code \} escaped), bound as a string:
     * the driver's createArrayOf escaped them character by character (~6 % of a page request's CPU).
     */
    static String arrayLiteral(List<String> ids) {
        StringBuilder literal = new StringBuilder(ids.size() * 40).append('{');
        for (String id : ids) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < id.length(); i++) {
                char ch = id.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
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

    /**
     * The page by SQL alone, on the SQL path's pool, its statements in one read-only snapshot under one time budget
     * ({@link SqlPathRequest}; over it, a {@link QueryTooSlow}). Each statement has a shape whose cost is bounded by
     * the page, not by the matches: by relevance only a window of the newest matches is ranked
     * ({@link #relevancePage}); with mentioned dates the GiST index hands the matches out newest first
     * ({@link #mentionedDatesSelect}); otherwise the page is read in publication-time slices
     * ({@link #newestInSlices}).
     */
    public Page findBySql(TimelineQuery q) {
        Filters f = q.filters();
        boolean search = f.q() != null;
        return SqlPathRequest.run(sqlPath, sqlTimeoutMillis, "timeline query failed", r -> {
            if (q.sort() == Sort.RELEVANCE) {
                return relevancePage(r, q);
            }
            List<TimelineItem> rows = new ArrayList<>();
            if (f.eventFrom() == null && f.eventTo() == null) {
                Instant newest = q.after() != null ? q.after().publishedAt() : newestPublication(r);
                newestInSlices(r, f, newest, null, q.limit() + 1, (where, missing) -> pageSelect(q, where, search,
                        missing), rs -> rows.add(item(rs, search)));
            } else {
                Select select = mentionedDatesSelect(q);
                r.query(select.sql(), select.args(), rs -> rows.add(item(rs, search)));
            }
            return page(q, rows);
        });
    }

    /** Publication-time slices a newest-first SQL read is taken in: the first, then each four times longer. */
    private static final Duration FIRST_SLICE = Duration.ofDays(32);
    private static final int SLICES = 6;

    /** One slice's statement: its rows under {@code where} (the filters and the slice), newest first, at most {@code rows}. */
    @FunctionalInterface
    private interface SliceSelect {
        Select select(SqlWhere where, int rows);
    }

    /**
     * Rows newest first, read slice by slice back in publication time (32 days back from {@code newest}, then 128,
     * 512, 2048, 8192 days, then the rest, or down to {@code floor} inclusive when given), each slice its own
     * statement for the rows still missing, until there are {@code wanted}. The slices are disjoint and taken in
     * order, so their rows in order are those SQL's {@code order by published_at desc, id desc} gives. Why: in one
     * statement the planner must choose between walking the order index until enough rows match (cheap for a
     * common word, ruinous for a rare one or one whose matches are old: 9,000 to 135,000 rows tested at 1M) and
     * reading every match to sort it; within a slice the walk is bounded by the slice and the planner can intersect
     * the word's GIN posting list with the slice's range of the order index, so a rare word reads only its matches
     * in the slice. Used for newest-first pages and for relevance's candidates.
     */
    private static void newestInSlices(SqlPathRequest r, Filters filters, Instant newest, Instant floor, int wanted,
            SliceSelect select, SqlPathRequest.Row row) throws SQLException {
        int[] read = {0};
        Instant upper = null;
        Duration span = FIRST_SLICE;
        for (int slice = 0; newest != null && slice < SLICES && read[0] < wanted; slice++) {
            Instant lower = slice == SLICES - 1 ? null : newest.minus(span);
            boolean last = floor != null && (lower == null || !lower.isAfter(floor));
            if (last) {
                lower = floor;
            }
            SqlWhere where = SqlWhere.of(filters);
            if (lower != null) {
                where.and("published_at >= ?", Timestamp.from(lower));
            }
            if (upper != null) {
                where.and("published_at < ?", Timestamp.from(upper));
            }
            Select statement = select.select(where, wanted - read[0]);
            r.query(statement.sql(), statement.args(), rs -> {
                read[0]++;
                row.read(rs);
            });
            if (last) {
                break;
            }
            upper = lower;
            span = span.multipliedBy(4);
        }
    }

    /** The newest publication instant in the read model (the order index's first entry); null when it is empty. */
    private static Instant newestPublication(SqlPathRequest r) throws SQLException {
        Instant[] newest = {null};
        r.query("select max(published_at) from timeline_entry", List.of(), rs -> {
            Timestamp t = rs.getTimestamp(1);
            newest[0] = t == null ? null : t.toInstant();
        });
        return newest[0];
    }

    /** A match relevance may rank: its place in publication order and its rank. */
    private record Candidate(String id, Instant publishedAt, float rank) {
    }

    /**
     * Best first: rank descending, then id descending (String order: SQL's {@code id desc} in the C.UTF-8 databases
     * the service creates for the ASCII ids announcements have; the cursor is compared the same way, so the pages
     * of one query agree with each other whatever the ids).
     */
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparing(Candidate::rank).reversed()
            .thenComparing(Candidate::id, Comparator.reverseOrder());

    /**
     * Best match first among a bounded set of candidates: the newest {@link #relevanceCandidates} matches (all
     * of them when there are fewer), or, after a cursor, every match from the oldest of those on (so the pages
     * of one query rank one set, plus what arrived since). The candidates (id, instant, rank: no text) are read
     * newest first in publication-time slices ({@link #newestInSlices}), the statement loop of the newest-first
     * pages: in one statement the planner walked the order index testing every row when the matches are much
     * rarer than it estimates (the phrase "human rights": 135,000 rows walked for 1,000 candidates, 750 ms at
     * 1M), while within a slice it can intersect the GIN posting lists with the slice's range. They are ranked
     * here (a thousand floats), and only the page's rows are read in full, with their snippets.
     */
    private Page relevancePage(SqlPathRequest r, TimelineQuery q) throws SQLException {
        TimelineQuery.Window window = q.after() == null ? null : q.after().window();
        List<Candidate> candidates = new ArrayList<>();
        newestInSlices(r, q.filters(), newestPublication(r), window == null ? null : window.publishedAt(),
                window == null ? relevanceCandidates : Integer.MAX_VALUE, (where, rows) -> {
                    if (window != null) {
                        where.and("(published_at, id) >= (?, ?)", Timestamp.from(window.publishedAt()), window.id());
                    }
                    List<Object> args = new ArrayList<>(where.args());
                    args.add(rows);
                    return new Select("select id, published_at, ts_rank(search, query) as rank" + where.fromWhere()
                            + " order by published_at desc, id desc limit ?", args);
                }, rs -> candidates.add(new Candidate(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getFloat(3))));
        if (candidates.isEmpty()) {
            return page(q, List.of());
        }
        Candidate oldest = candidates.get(candidates.size() - 1);
        Candidate after = q.after() == null ? null : new Candidate(q.after().id(), null, q.after().rank());
        List<Candidate> ranked = candidates.stream().filter(c -> after == null || BEST_FIRST.compare(c, after) > 0)
                .sorted(BEST_FIRST).limit(q.limit() + 1L).toList();
        Map<String, TimelineItem> rows = new HashMap<>();
        SqlWhere where = SqlWhere.of(q.filters()).and("id = any(?)", ranked.stream().map(Candidate::id).toList());
        r.query(COLUMNS + SEARCH_COLUMNS + where.fromWhere(), where.args(), rs -> {
            TimelineItem item = item(rs, true);
            rows.put(item.id(), item);
        });
        return page(q, ranked.stream().map(c -> rows.get(c.id())).toList(),
                new TimelineQuery.Window(oldest.publishedAt(), oldest.id()));
    }


    /**
     * Newest first with mentioned dates: the matches come newest first from the (published_at, mentioned_dates)
     * GiST index by distance (KNN), so a range mentioned years ago reads a page's worth of rows instead of
     * walking the order index past every newer announcement (5.2 s at 1M rows) or reading every match to sort
     * it. The index orders by float8 distance, so the rows within a millisecond of the found page's oldest
     * instant are read again by the range itself; SQL's own order decides ties and the cursor, as everywhere.
     */
    private static Select mentionedDatesSelect(TimelineQuery q) {
        boolean search = q.filters().q() != null;
        SqlWhere knn = SqlWhere.of(q.filters());
        SqlWhere page = SqlWhere.of(q.filters());
        if (q.after() != null) {
            Timestamp after = Timestamp.from(q.after().publishedAt());
            knn.and("published_at <= ? and (published_at, id) < (?, ?)", after, after, q.after().id());
            page.and("(published_at, id) < (?, ?)", after, q.after().id());
        }
        page.and("(id = any(array(select id from knn, edge where published_at >= edge.t + interval '1 millisecond'))"
                + " or published_at between (select t from edge) and (select t from edge) + interval '1 millisecond')");
        String sql = "with knn as materialized (select id, published_at" + knn.fromWhere() + " order by "
                + NEWEST_FIRST_BY_DISTANCE + " limit ?), edge as materialized (select min(published_at) as t from knn) "
                + COLUMNS + (search ? SEARCH_COLUMNS : "") + page.fromWhere()
                + " order by published_at desc, id desc limit ?";
        List<Object> args = new ArrayList<>(knn.args());
        args.add(q.limit() + 1);
        args.addAll(page.args());
        args.add(q.limit() + 1);
        return new Select(sql, args);
    }

    private record Select(String sql, List<Object> args) {
    }

    /**
     * A newest-first page's statement: the filters, the cursor, the order and one row more than the page (is there
     * a next?). With a common word the planner walks the order index and tests each row's vector, stopping at the
     * limit; with a rare one it reads the matches from the GIN index and sorts them (the pool plans each statement
     * for its own word: plan_cache_mode).
     */
    private static Select pageSelect(TimelineQuery q, SqlWhere where, boolean search) {
        return pageSelect(q, where, search, q.limit() + 1);
    }

    private static Select pageSelect(TimelineQuery q, SqlWhere where, boolean search, int rows) {
        if (q.after() != null) {
            where.and("(published_at, id) < (?, ?)", Timestamp.from(q.after().publishedAt()), q.after().id());
        }
        String sql = COLUMNS + (search ? SEARCH_COLUMNS : "") + where.fromWhere()
                + " order by published_at desc, id desc limit ?";
        List<Object> args = new ArrayList<>(where.args());
        args.add(rows);
        return new Select(sql, args);
    }

    private static Page page(TimelineQuery q, List<TimelineItem> rows) {
        return page(q, rows, null);
    }

    /**
     * The first {@code limit} rows, and the cursor after the last of them when there was one more; by relevance
     * the cursor keeps the oldest ranked candidate ({@code window}).
     */
    private static Page page(TimelineQuery q, List<TimelineItem> rows, TimelineQuery.Window window) {
        List<TimelineItem> items = rows;
        Cursor next = null;
        if (items.size() > q.limit()) {
            items = items.subList(0, q.limit());
            TimelineItem last = items.get(items.size() - 1);
            next = q.sort() == Sort.RELEVANCE ? Cursor.relevance(last.rank(), last.id(), window)
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
