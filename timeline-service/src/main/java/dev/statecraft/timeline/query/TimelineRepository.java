package dev.statecraft.timeline.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the timeline with keyset pagination over (published_at desc, id desc): no OFFSET scans. */
@ApplicationScoped
public class TimelineRepository {
    @Inject
    DataSource dataSource;

    public record Page(List<TimelineItem> items, TimelineQuery.Cursor next) {
    }

    public Page find(TimelineQuery q) {
        StringBuilder sql = new StringBuilder("""
                select id, revision, published_at, kind, title, summary, publisher, source_url, countries,
                       organisations, persons
                from timeline_entry where true""");
        List<Object> args = new ArrayList<>();
        if (!q.countries().isEmpty()) {
            sql.append(" and countries && ?");
            args.add(q.countries());
        }
        if (!q.kinds().isEmpty()) {
            sql.append(" and kind = any(?)");
            args.add(q.kinds());
        }
        if (q.from() != null) {
            sql.append(" and published_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.toExclusive() != null) {
            sql.append(" and published_at < ?");
            args.add(Timestamp.from(q.toExclusive()));
        }
        if (q.after() != null) {
            sql.append(" and (published_at, id) < (?, ?)");
            args.add(Timestamp.from(q.after().publishedAt()));
            args.add(q.after().id());
        }
        sql.append(" order by published_at desc, id desc limit ?");
        args.add(q.limit() + 1);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, args);
            List<TimelineItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            TimelineQuery.Cursor next = null;
            if (items.size() > q.limit()) {
                items = items.subList(0, q.limit());
                TimelineItem last = items.get(items.size() - 1);
                next = new TimelineQuery.Cursor(last.publishedAt(), last.id());
            }
            return new Page(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException("timeline query failed", e);
        }
    }

    /** The stored event JSON of the newest revision. */
    public Optional<String> event(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select event from timeline_entry where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("announcement lookup failed", e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof List<?> list) {
                ps.setArray(i + 1, c.createArrayOf("text", list.toArray()));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }

    private static TimelineItem item(ResultSet rs) throws SQLException {
        return new TimelineItem(rs.getString("id"), rs.getInt("revision"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("kind"), rs.getString("title"),
                rs.getString("summary"), rs.getString("publisher"), rs.getString("source_url"),
                strings(rs, "countries"), strings(rs, "organisations"), strings(rs, "persons"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
