package dev.statecraft.timeline.query;

import dev.statecraft.timeline.search.SearchQuery;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL condition for a set of filters, with its bind values in order. Each condition has the shape its
 * index serves: {@code &&} on the GIN-indexed arrays, {@code @@} on the tsvector, {@code &&} on the GiST
 * multirange of mentioned dates. With {@code q}, the FROM clause adds the parsed query as a relation named
 * {@code query}, so callers can select {@code ts_rank(search, query)} and {@code ts_headline(..., query)}.
 */
public final class SqlWhere {
    private static final String FROM = "timeline_entry";
    /**
     * For {@code q}: the entries and the search text as a tsquery, which the first bind value supplies, parsed by
     * {@link SearchQuery} with the analyzer that built the stored vectors (so both sides agree by construction).
     */
    private static final String FROM_SEARCH = "timeline_entry, cast(? as tsquery) query";

    private final StringBuilder sql = new StringBuilder(" where true");
    private final List<Object> args = new ArrayList<>();
    private final String from;

    private SqlWhere(Filters f) {
        if (f.q() != null) {
            args.add(SearchQuery.parse(f.q()));
            sql.append(" and search @@ query");
        }
        from = f.q() == null ? FROM : FROM_SEARCH;
        for (Map.Entry<Field, List<String>> e : f.include().entrySet()) {
            if (e.getKey().array()) {
                sql.append(" and " + e.getKey().column() + " && ?");
                args.add(e.getValue());
            } else if (e.getValue().size() == 1) {
                // "= ?" lets PostgreSQL walk (kind|publisher, published_at desc, id desc) in order and stop at the
                // limit; "= any(?)" cannot use that order and filters the whole timeline index instead (EXPLAIN
                // on the benchmark data: 55 vs 719 buffers for one page of kind=aid).
                sql.append(" and " + e.getKey().column() + " = ?");
                args.add(e.getValue().get(0));
            } else {
                sql.append(" and " + e.getKey().column() + " = any(?)");
                args.add(e.getValue());
            }
        }
        for (Map.Entry<Field, List<String>> e : f.exclude().entrySet()) {
            // coalesce: excluding a publisher keeps the rows that name none
            sql.append(e.getKey().array() ? " and not (" + e.getKey().column() + " && ?)"
                    : " and coalesce(" + e.getKey().column() + ", '') <> all(?)");
            args.add(e.getValue());
        }
        if (f.from() != null) {
            sql.append(" and published_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.toExclusive() != null) {
            sql.append(" and published_at < ?");
            args.add(Timestamp.from(f.toExclusive()));
        }
        if (f.eventFrom() != null || f.eventTo() != null) {
            sql.append(" and mentioned_dates && daterange(?, ?, '[]')");
            args.add(f.eventFrom() == null ? null : Date.valueOf(f.eventFrom()));
            args.add(f.eventTo() == null ? null : Date.valueOf(f.eventTo()));
        }
    }

    public static SqlWhere of(Filters filters) {
        return new SqlWhere(filters);
    }

    /** {@code from <tables> where <conditions>}; more conditions may be appended with {@link #and}. */
    public String fromWhere() {
        return " from " + from + sql;
    }

    public SqlWhere and(String condition, Object... values) {
        sql.append(" and ").append(condition);
        args.addAll(List.of(values));
        return this;
    }

    public List<Object> args() {
        return args;
    }

    /** Binds values in order: lists as text[], null as a null date (the only nullable bind). */
    public static void bind(Connection c, PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object arg = values.get(i);
            if (arg instanceof List<?> list) {
                ps.setArray(i + 1, c.createArrayOf("text", list.toArray()));
            } else if (arg == null) {
                ps.setNull(i + 1, java.sql.Types.DATE);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }
}
