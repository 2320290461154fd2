package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one upsert of an announcement into a timeline table: the live projection applies it to
 * {@code timeline_entry}, a projection rebuild's catch-up to {@code timeline_entry_rebuild}; the table name is
 * the only difference. Inserts, or replaces only when the incoming revision is newer than the stored one. The
 * row, derived columns included, comes from {@link EntryRow}; each applied change takes the next change_seq (on
 * insert by the column default).
 */
public final class EntryUpsert {
    public static final String LIVE_TABLE = "timeline_entry";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Only a newer revision replaces, and it takes a new change number. */
    private static final String ON_CONFLICT = """
            on conflict (id) do update set
                revision = excluded.revision, published_at = excluded.published_at, kind = excluded.kind,
                title = excluded.title, summary = excluded.summary, publisher = excluded.publisher,
                source_url = excluded.source_url, countries = excluded.countries,
                organisations = excluded.organisations, persons = excluded.persons, locations = excluded.locations,
                body_text = excluded.body_text, mentioned_dates = excluded.mentioned_dates, search = excluded.search,
                event = excluded.event, content_hash = excluded.content_hash, applied_at = excluded.applied_at,
                change_seq = nextval('timeline_change_seq')
            where t.revision < excluded.revision
            """;
    /** One array per column, unnested into rows (every column travels as text and is cast to its type). */
    private static final String UPSERT_BATCH = """
            insert into %1$s as t (id, revision, published_at, kind, title, summary, publisher, source_url,
                                   countries, organisations, persons, locations, body_text, mentioned_dates,
                                   search, event, content_hash, applied_at)
            select id, cast(revision as integer), cast(published_at as timestamptz), kind, title, summary, publisher,
                   source_url, cast(countries as text[]), cast(organisations as text[]), cast(persons as text[]),
                   cast(locations as text[]), body_text, cast(mentioned_dates as datemultirange),
                   cast(search as tsvector), event, cast(content_hash as bigint), cast(? as timestamptz)
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]))
                 as s(id, revision, published_at, kind, title, summary, publisher, source_url, countries,
                      organisations, persons, locations, body_text, mentioned_dates, search, event, content_hash)
            """ + ON_CONFLICT;

    private EntryUpsert() {
    }

    private static String forTable(String sql, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return sql.formatted(table);
    }

    /**
     * Applies many announcements with one statement. Of several revisions of one announcement in {@code batch}
     * only the newest goes in (one statement cannot touch a row twice), so the outcome is the same as applying
     * them one by one in any order. Returns the rows inserted or replaced.
     */
    public static int applyAll(Connection c, String table, Collection<Announcement> batch) throws SQLException {
        return applyAllReturningIds(c, table, batch).size();
    }

    /** {@link #applyAll}, returning the ids of the rows inserted or replaced. */
    public static Set<String> applyAllReturningIds(Connection c, String table, Collection<Announcement> batch)
            throws SQLException {
        Map<String, Announcement> newest = new LinkedHashMap<>();
        for (Announcement a : batch) {
            newest.merge(a.id(), a, (x, y) -> y.revision() > x.revision() ? y : x);
        }
        if (newest.isEmpty()) {
            return Set.of();
        }
        int n = newest.size();
        Object[][] columns = new Object[EntryRow.COLUMNS.size()][n];
        int i = 0;
        for (Announcement a : newest.values()) {
            String[] values = EntryRow.of(a).values();
            for (int col = 0; col < values.length; col++) {
                columns[col][i] = values[col];
            }
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(forTable(UPSERT_BATCH, table) + " returning t.id")) {
            ps.setString(1, Instant.now().toString());
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(col + 2, c.createArrayOf("text", columns[col]));
            }
            Set<String> applied = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            return applied;
        }
    }

    /** Applies {@code a} to {@code table} on {@code c}; true when a row was inserted or replaced. */
    public static boolean apply(Connection c, String table, Announcement a) throws SQLException {
        return applyAll(c, table, List.of(a)) > 0;
    }
}
