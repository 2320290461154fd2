package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.LocationMention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one upsert of an announcement into a timeline table: the live projection applies it to
 * {@code timeline_entry}, a projection rebuild to {@code timeline_entry_rebuild}; the table name is the only
 * difference. Inserts, or replaces only when the incoming revision is newer than the stored one. The mentioned
 * dates come from the same SQL function the V2 backfill used; the search vector is a generated column; each
 * applied change takes the next change_seq (on insert by the column default).
 */
public final class EntryUpsert {
    public static final String LIVE_TABLE = "timeline_entry";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final String INSERT = """
            insert into %1$s as t (id, revision, published_at, kind, title, summary, publisher, source_url,
                                   countries, organisations, persons, locations, body_text, mentioned_dates,
                                   event, applied_at)
            """;
    /** Same for one row and for a batch: only a newer revision replaces, and it takes a new change number. */
    private static final String ON_CONFLICT = """
            on conflict (id) do update set
                revision = excluded.revision, published_at = excluded.published_at, kind = excluded.kind,
                title = excluded.title, summary = excluded.summary, publisher = excluded.publisher,
                source_url = excluded.source_url, countries = excluded.countries,
                organisations = excluded.organisations, persons = excluded.persons, locations = excluded.locations,
                body_text = excluded.body_text, mentioned_dates = excluded.mentioned_dates, event = excluded.event,
                applied_at = excluded.applied_at, change_seq = nextval('timeline_change_seq')
            where t.revision < excluded.revision
            """;
    private static final String UPSERT = INSERT + """
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as text[]), ?, timeline_mentioned_dates(cast(? as jsonb)), ?, ?)
            """ + ON_CONFLICT;
    /** The batch form: one array per column, unnested into rows (array columns travel as their literals). */
    private static final String UPSERT_BATCH = INSERT + """
            select id, revision, cast(published_at as timestamptz), kind, title, summary, publisher, source_url,
                   cast(countries as text[]), cast(organisations as text[]), cast(persons as text[]),
                   cast(locations as text[]), body_text, timeline_mentioned_dates(cast(event as jsonb)), event,
                   cast(applied_at as timestamptz)
            from unnest(cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]))
                 as s(id, revision, published_at, kind, title, summary, publisher, source_url, countries,
                      organisations, persons, locations, body_text, event, applied_at)
            """ + ON_CONFLICT;

    private EntryUpsert() {
    }

    static String sql(String table) {
        return forTable(UPSERT, table);
    }

    private static String forTable(String sql, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return sql.formatted(table);
    }

    /**
     * Applies many announcements with one statement, as a rebuild does per poll. Of several revisions of one
     * announcement in {@code batch} only the newest goes in (one statement cannot touch a row twice), so the
     * outcome is the same as applying them one by one in any order. Returns the rows inserted or replaced.
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
        Object[][] columns = new Object[15][n];
        String now = Instant.now().toString();
        int i = 0;
        for (Announcement a : newest.values()) {
            columns[0][i] = a.id();
            columns[1][i] = a.revision();
            columns[2][i] = a.publishedAt().toString();
            columns[3][i] = a.kind().wire();
            columns[4][i] = a.title();
            columns[5][i] = a.summary();
            columns[6][i] = a.source() == null ? null : a.source().publisher();
            columns[7][i] = a.source() == null ? null : a.source().url();
            columns[8][i] = PgArrays.literal(a.countryCodes());
            columns[9][i] = PgArrays.literal(a.organisationIds());
            columns[10][i] = PgArrays.literal(a.personNames());
            columns[11][i] = PgArrays.literal(locationNames(a));
            columns[12][i] = a.bodyText();
            columns[13][i] = AnnouncementJson.write(a);
            columns[14][i] = now;
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(forTable(UPSERT_BATCH, table) + " returning t.id")) {
            for (int col = 0; col < columns.length; col++) {
                ps.setArray(col + 1, c.createArrayOf(col == 1 ? "integer" : "text", columns[col]));
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
        try (PreparedStatement ps = c.prepareStatement(sql(table))) {
            String event = AnnouncementJson.write(a);
            ps.setString(1, a.id());
            ps.setInt(2, a.revision());
            ps.setObject(3, OffsetDateTime.ofInstant(a.publishedAt(), ZoneOffset.UTC));
            ps.setString(4, a.kind().wire());
            ps.setString(5, a.title());
            ps.setString(6, a.summary());
            ps.setString(7, a.source() == null ? null : a.source().publisher());
            ps.setString(8, a.source() == null ? null : a.source().url());
            ps.setString(9, PgArrays.literal(a.countryCodes()));
            ps.setString(10, PgArrays.literal(a.organisationIds()));
            ps.setString(11, PgArrays.literal(a.personNames()));
            ps.setString(12, PgArrays.literal(locationNames(a)));
            ps.setString(13, a.bodyText());
            ps.setString(14, event);
            ps.setString(15, event);
            ps.setObject(16, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            return ps.executeUpdate() > 0;
        }
    }

    private static List<String> locationNames(Announcement a) {
        return a.locations().stream().map(LocationMention::name).filter(n -> n != null && !n.isBlank()).distinct()
                .toList();
    }
}
