package dev.statecraft.timeline.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Many read-model rows at once for the SQL-path tests, written by SQL (the read path reads the table; sending
 * thousands of events through the projection would only make the tests slow). Row {@code g} of {@code count}:
 * id {@code <prefix>_<g>}, published {@code g / 3} steps before {@code newest} (and rows with {@code g % 3 == 2}
 * 300 µs earlier still), so instants tie in pairs and sit within a millisecond of each other; the word
 * {@code word} in the title of every fourth row and {@code 1 + g % 5} times in every body (ranks differ and tie);
 * mentioned dates: 2031-05-10 for even {@code g}, all of June 2031 for {@code g % 3 == 0}.
 */
final class SqlPathRows {
    private SqlPathRows() {
    }

    static void insert(DataSource db, String prefix, String word, int count, Instant newest) throws Exception {
        insert(db, prefix, word, count, newest, java.time.Duration.ofSeconds(1));
    }

    static void insert(DataSource db, String prefix, String word, int count, Instant newest, java.time.Duration step)
            throws Exception {
        String sql = """
                insert into timeline_entry (id, revision, published_at, kind, title, body_text, search, mentioned_dates,
                                            event, applied_at)
                select r.id, 1, r.published_at, 'statement', r.title, r.body,
                       setweight(to_tsvector('english', r.title), 'A') || setweight(to_tsvector('english', r.body), 'B'),
                       r.dates, '{}', now()
                from (select ? || '_' || lpad(g::text, 6, '0') as id,
                             cast(? as timestamptz) - (g / 3) * cast(? as interval)
                                 - case when g % 3 = 2 then interval '300 microseconds' else interval '0' end as published_at,
                             'Item ' || g || case when g % 4 = 0 then ' ' || ? else ' notes' end as title,
                             repeat(? || ' and other words ', 1 + g % 5) as body,
                             case when g % 2 = 0 then datemultirange(daterange('2031-05-10', '2031-05-11'))
                                  else '{}'::datemultirange end
                             + case when g % 3 = 0 then datemultirange(daterange('2031-06-01', '2031-07-01'))
                                    else '{}'::datemultirange end as dates
                      from generate_series(1, ?) g) r
                """;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix);
            ps.setObject(2, java.sql.Timestamp.from(newest));
            ps.setString(3, step.toMillis() + " milliseconds");
            ps.setString(4, word);
            ps.setString(5, word);
            ps.setInt(6, count);
            ps.executeUpdate();
        }
    }
}
