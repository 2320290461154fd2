package dev.statecraft.load.timeline;

import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.postgres.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the timeline's SQL for issue 4's query mix on the kept read model (the service's
 * statements as {@code TimelineRepository} builds them, literal values in place of binds): the SQL-only path
 * and the primary-key fetch of a page the in-memory index named. Appends the plans to a file. Run while no
 * benchmark uses the data dir:
 *
 * <pre>./mvnw -B -q -o -pl load-tests exec:java -Dexec.mainClass=dev.statecraft.load.timeline.QueryPlans \
 *   -Dexec.args="/work/s4/timeline-1m-db load-tests/benchmarks/timeline-1m-plans.txt"</pre>
 */
public final class QueryPlans {
    private static final String COLUMNS = "select id, revision, published_at, applied_at, kind, title, summary,"
            + " publisher, source_url, countries, organisations, persons, locations";
    private static final String ORDER = " order by published_at desc, id desc limit 51";

    private QueryPlans() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> report = new ArrayList<>();
        report.add("");
        report.add("EXPLAIN (ANALYZE, BUFFERS) at " + Instant.now() + " on " + data + ", load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        try (LocalPostgres postgres = LocalPostgres.start(FreePorts.find(), data.resolve("postgres"), false);
                Connection c = DriverManager.getConnection(postgres.jdbcUrl("timeline"), LocalPostgres.USER,
                        LocalPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            String rareCountry = Vocabulary.COUNTRIES.get(Vocabulary.COUNTRIES.size() - 5)[0];
            String rareName = Vocabulary.COUNTRIES.get(Vocabulary.COUNTRIES.size() - 5)[1];
            String person = Vocabulary.PERSONS.get(40);
            String ids;
            long last;
            try (ResultSet rs = s.executeQuery("select array_agg(id)::text, max(m) from (select id, max(change_seq)"
                    + " over () m from timeline_entry where countries && '{" + rareCountry + "}' and kind = 'aid'"
                    + ORDER.replace("51", "83") + ") x")) {
                rs.next();
                ids = rs.getString(1);
                last = rs.getLong(2);
            }
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("country (popular) GB", "where countries && '{GB}'");
            queries.put("country (rare) " + rareCountry, "where countries && '{" + rareCountry + "}'");
            queries.put("country+kind UA aid", "where countries && '{UA}' and kind = 'aid'");
            queries.put("country (rare)+kind " + rareCountry + " aid", "where countries && '{" + rareCountry
                    + "}' and kind = 'aid'");
            queries.put("person " + person, "where persons && '{\"" + person + "\"}'");
            queries.put("organisation EU", "where organisations && '{EU}'");
            queries.put("date range 30 days", "where published_at >= '2019-03-01' and published_at < '2019-03-31'");
            queries.put("-kind statement", "where coalesce(kind, '') <> all('{statement}')");
            queries.put("combined FR visit 1 year", "where countries && '{FR}' and kind = 'visit' and published_at"
                    + " >= '2018-01-01' and published_at < '2019-01-01'");
            queries.put("deep page: country GB before 2017", "where countries && '{GB}' and (published_at, id) <"
                    + " ('2017-01-01', 'ann_z')");
            queries.put("index-named page by primary key (rare country + kind, 83 ids)", "where countries && '{"
                    + rareCountry + "}' and kind = 'aid' and (id = any('" + ids + "') or change_seq > " + last + ")");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                explain(s, report, q.getKey(), COLUMNS + " from timeline_entry " + q.getValue() + ORDER);
            }
            String search = COLUMNS + ", ts_rank(search, query) as rank, ts_headline('english', coalesce(body_text,"
                    + " summary, title), query, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30,"
                    + " MinWords=10') as snippet from timeline_entry, websearch_to_tsquery('english', '%s') query"
                    + " where search @@ query";
            explain(s, report, "q common word (security)", search.formatted("security") + ORDER);
            explain(s, report, "q rare word (" + rareName + ")", search.formatted(rareName) + ORDER);
            explain(s, report, "q relevance, common word (security)", search.formatted("security")
                    + " order by rank desc, id desc limit 51");
            if (args.length > 2 && args[2].equals("pages")) {
                indexPages(s, report, person);
            }
        }
        report.forEach(System.out::println);
        Files.write(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    /**
     * The statement {@code TimelineRepository.findIndexed} sends for a page the index named (guard row + rows by
     * primary key, every filter again), prepared as the JDBC driver does after 5 uses, explained with a custom
     * plan (values known) and with the generic plan PostgreSQL may switch to (values as parameters).
     */
    private static void indexPages(Statement s, List<String> report, String person) throws Exception {
        Map<String, String[]> filters = new LinkedHashMap<>();
        filters.put("country GB", new String[] {"countries && $2::text[]", "{GB}"});
        filters.put("kind aid", new String[] {"kind = $2::text", "aid"});
        filters.put("-kind statement", new String[] {"coalesce(kind, '') <> all($2::text[])", "{statement}"});
        filters.put("person " + person, new String[] {"persons && $2::text[]", "{\"" + person + "\"}"});
        filters.put("organisation EU", new String[] {"organisations && $2::text[]", "{EU}"});
        for (Map.Entry<String, String[]> f : filters.entrySet()) {
            String where = f.getValue()[0].replace("$2", "'" + f.getValue()[1] + "'");
            String ids;
            long last;
            try (ResultSet rs = s.executeQuery("select array_agg(id)::text, max(m) from (select id, max(change_seq)"
                    + " over () m from timeline_entry where " + where + ORDER.replace("51", "83") + ") x")) {
                rs.next();
                ids = rs.getString(1);
                last = rs.getLong(2);
            }
            String page = "select g.table_oid, g.changed, p.* from (select cast(cast('timeline_entry' as regclass)"
                    + " as oid) table_oid, (select count(*) from timeline_entry where change_seq > $1) changed) g"
                    + " left join lateral (" + COLUMNS + " from timeline_entry where true and " + f.getValue()[0]
                    + " and (id = any($3::text[]) or change_seq > $4) order by published_at desc, id desc limit $5)"
                    + " p on true order by p.published_at desc, p.id desc";
            s.execute("deallocate all");
            s.execute("prepare page as " + page);
            String execute = "execute page(" + last + ", '" + f.getValue()[1].replace("'", "''") + "', '" + ids
                    + "', " + last + ", 51)";
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                s.execute("set plan_cache_mode = " + mode);
                explain(s, report, "index-named page (83 ids), " + f.getKey() + ", " + mode, execute);
            }
            s.execute("reset plan_cache_mode");
            // Session 7: what findIndexed sends while the index is current, the page's own 51 ids and nothing else.
            String exact = "select g.table_oid, g.changed, p.* from (select cast(cast('timeline_entry' as regclass)"
                    + " as oid) table_oid, (select count(*) from timeline_entry where change_seq > $1) changed) g"
                    + " left join lateral (" + COLUMNS + " from timeline_entry where true and id = any($2::text[])"
                    + " order by published_at desc, id desc limit $3) p on true order by p.published_at desc, p.id desc";
            s.execute("deallocate all");
            s.execute("prepare exact as " + exact);
            List<String> named = List.of(ids.substring(1, ids.length() - 1).split(","));
            String pageIds = "{" + String.join(",", named.subList(0, Math.min(51, named.size()))) + "}";
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                s.execute("set plan_cache_mode = " + mode);
                explain(s, report, "exact page of a current index (51 ids), " + f.getKey() + ", " + mode,
                        "execute exact(" + last + ", '" + pageIds + "', 51)");
            }
            s.execute("reset plan_cache_mode");
        }
    }

    private static void explain(Statement s, List<String> report, String name, String sql) throws Exception {
        report.add("");
        report.add("-- " + name);
        s.executeQuery(sql).close(); // warm: the second run is the one recorded
        try (ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                report.add("   " + rs.getString(1));
            }
        }
    }
}
