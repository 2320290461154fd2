package dev.statecraft.timeline.facets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.SqlPathRequest;
import dev.statecraft.timeline.query.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One grouped count per facet, each under the filters that facet does not own. */
@ApplicationScoped
public class FacetsRepository {
    /** Enough alternatives for a sidebar; a long tail of one-off names helps nobody. */
    static final int MAX_VALUES = 50;
    private static final String ORDER = " order by published_at desc, id desc";

    /** The SQL path's pool: statement timeout, custom plans, and not the connections the index-served reads use. */
    @Inject
    @io.quarkus.agroal.DataSource("sql-path")
    DataSource sqlPath;
    @Inject
    IndexedFacets index;
    @ConfigProperty(name = "statecraft.timeline.sql-timeout-ms")
    long sqlTimeoutMillis;
    /** SQL counts at most this many matches per filter set with q, the newest (see {@link Facets#countedOver}). */
    @ConfigProperty(name = "statecraft.facets.sql-matches", defaultValue = "1000")
    int sqlMatches;

    public record Count(String value, long count) {
    }

    /**
     * The counts. {@code countedOver} is null when they are exact; otherwise some filter set (the request's, for
     * {@code total}, or one facet's, which leaves out its own filter) matched more than that many entries, and
     * the total and facets of such a set were counted over its newest {@code countedOver} matches only: the total
     * then reads "at least", the facet counts are those of the newest matches.
     */
    public record Facets(long total, Map<String, List<Count>> facets,
            @JsonProperty("counted_over") @JsonInclude(JsonInclude.Include.NON_NULL) Integer countedOver) {
        /** Exact counts. */
        public Facets(long total, Map<String, List<Count>> facets) {
            this(total, facets, null);
        }
    }

    /** From the in-memory index when it can evaluate the filters, else by SQL; the same counts either way. */
    public Facets count(Filters filters) {
        return index.count(filters).orElseGet(() -> countBySql(filters));
    }

    /**
     * The SQL path on its own: the fallback (with {@code q}, {@code location}, {@code publisher}, mentioned dates,
     * and while the index loads), and the reference the index is tested against. One statement on the SQL path's
     * pool ({@link SqlPathRequest}: its timeout, 503 {@code query-timeout} past it); each distinct filter set (the
     * request's for the total, each facet's without its own filter; usually one or two) is read once, and the
     * total and the facets under it are counted over its rows. A set with {@code q} is bounded: its newest
     * {@link #sqlMatches} matches, plus one to know whether there are more. Counting every match of a common word
     * read every row (a parallel sequential scan of the whole table for the total alone: 3.3-4.0 s for "minister"
     * at 1M rows) and unnested its arrays again for each of five facets. A set without {@code q} stays exact (the
     * index's counts, which it is checked against; GIN- or btree-served filters, under the same budget).
     */
    public Facets countBySql(Filters filters) {
        List<Filters> sets = new ArrayList<>();
        int totalSet = setOf(sets, filters);
        int[] facetSet = new int[Facet.values().length];
        for (Facet facet : Facet.values()) {
            facetSet[facet.ordinal()] = setOf(sets, facet.countedUnder(filters));
        }
        StringBuilder sql = new StringBuilder("with ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            SqlWhere where = SqlWhere.of(sets.get(i));
            boolean bounded = sets.get(i).q() != null;
            sql.append(i == 0 ? "" : ", ").append("m").append(i).append(" as materialized (select id, published_at,")
                    .append(" countries, kind, organisations, persons").append(where.fromWhere())
                    .append(bounded ? ORDER + " limit ?" : "").append("), s").append(i).append(" as (select * from m")
                    .append(i).append(bounded ? ORDER + " limit ?" : "").append(")");
            args.addAll(where.args());
            if (bounded) {
                args.add(sqlMatches + 1);
                args.add(sqlMatches);
            }
        }
        // rows: (part, ord, value, count); part -1: a bounded set's match count (more than sqlMatches: counted over
        // its newest), 0: the total, 1 + ordinal: a facet's values in their order.
        sql.append(" select * from (select 0 as part, cast(0 as bigint) as ord, cast(null as text) as value,")
                .append(" count(*) as count from s").append(totalSet);
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).q() != null) {
                sql.append(" union all select -1, ").append(i).append(", null, count(*) from m").append(i);
            }
        }
        for (Facet facet : Facet.values()) {
            sql.append(" union all (select ").append(1 + facet.ordinal()).append(", row_number() over (order by ")
                    .append(facet.order()).append("), value, count from (select value, count(*) as count from (select ")
                    .append(facet.value).append(" as value from s").append(facetSet[facet.ordinal()])
                    .append(") v group by value order by ").append(facet.order()).append(" limit ").append(MAX_VALUES)
                    .append(") c)");
        }
        sql.append(") r order by part, ord");
        return SqlPathRequest.run(sqlPath, sqlTimeoutMillis, "facet query failed", r -> {
            Map<String, List<Count>> facets = new LinkedHashMap<>();
            for (Facet facet : Facet.values()) {
                facets.put(facet.name, new ArrayList<>());
            }
            boolean[] more = {false};
            long[] sum = {0};
            r.query(sql.toString(), args, rs -> {
                int part = rs.getInt(1);
                if (part == -1) {
                    more[0] |= rs.getLong(4) > sqlMatches;
                } else if (part == 0) {
                    sum[0] = rs.getLong(4);
                } else {
                    facets.get(Facet.values()[part - 1].name).add(new Count(rs.getString(3), rs.getLong(4)));
                }
            });
            return new Facets(sum[0], facets, more[0] ? sqlMatches : null);
        });
    }

    /** The index of {@code set} in {@code sets}, added if new: equal filter sets share one sample of matches. */
    private static int setOf(List<Filters> sets, Filters set) {
        int i = sets.indexOf(set);
        if (i >= 0) {
            return i;
        }
        sets.add(set);
        return sets.size() - 1;
    }
}
