package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.SqlWhere;
import dev.statecraft.timeline.query.TimelineQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Counts per publication week (ISO weeks, starting Monday, UTC) and kind, under the timeline's filters. */
@Path("/api/histogram")
@Produces(MediaType.APPLICATION_JSON)
public class HistogramResource {
    /** About ten years of weeks: the newest are kept. */
    static final int MAX_WEEKS = 520;

    @Inject
    DataSource dataSource;

    public record Week(String week, long total, Map<String, Long> kinds) {
    }

    public record Histogram(List<Week> weeks) {
    }

    @GET
    public Histogram histogram(@Context UriInfo uri) {
        TimelineQuery.rejectUnknown(uri.getQueryParameters(), Filters.PARAMETERS);
        SqlWhere where = SqlWhere.of(Filters.from(uri.getQueryParameters()));
        String sql = "select week, kind, count(*) from (select to_char(date_trunc('week', published_at at time zone"
                + " 'UTC'), 'YYYY-MM-DD') as week, kind" + where.fromWhere() + ") w group by week, kind"
                + " order by week";
        Map<String, Map<String, Long>> weeks = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlWhere.bind(c, ps, where.args());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    weeks.computeIfAbsent(rs.getString(1), w -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("histogram query failed", e);
        }
        List<Week> result = new ArrayList<>();
        weeks.forEach((week, kinds) -> result.add(new Week(week,
                kinds.values().stream().mapToLong(Long::longValue).sum(), kinds)));
        return new Histogram(result.size() > MAX_WEEKS ? result.subList(result.size() - MAX_WEEKS, result.size())
                : result);
    }
}
