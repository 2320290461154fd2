package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** One grouped count per facet, each under the filters that facet does not own. */
@ApplicationScoped
public class FacetsRepository {
    /** Enough alternatives for a sidebar; a long tail of one-off names helps nobody. */
    static final int MAX_VALUES = 50;

    @Inject
    DataSource dataSource;
    @Inject
    IndexedFacets index;

    public record Count(String value, long count) {
    }

    public record Facets(long total, Map<String, List<Count>> facets) {
    }

    /** From the in-memory index when it can evaluate the filters, else by SQL; the same counts either way. */
    public Facets count(Filters filters) {
        return index.count(filters).orElseGet(() -> countBySql(filters));
    }

    /** The SQL path on its own: the fallback, and the reference the index is tested against. */
    public Facets countBySql(Filters filters) {
        try (Connection c = dataSource.getConnection()) {
            SqlWhere all = SqlWhere.of(filters);
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + all.fromWhere())) {
                SqlWhere.bind(c, ps, all.args());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            Map<String, List<Count>> facets = new LinkedHashMap<>();
            for (Facet facet : Facet.values()) {
                facets.put(facet.name, counts(c, facet, SqlWhere.of(facet.countedUnder(filters))));
            }
            return new Facets(total, facets);
        } catch (SQLException e) {
            throw new IllegalStateException("facet query failed", e);
        }
    }

    private static List<Count> counts(Connection c, Facet facet, SqlWhere where) throws SQLException {
        String sql = "select value, count(*) as count from (select " + facet.value + " as value" + where.fromWhere()
                + ") v group by value order by " + facet.order() + " limit " + MAX_VALUES;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlWhere.bind(c, ps, where.args());
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getLong(2)));
                }
            }
            return counts;
        }
    }
}
