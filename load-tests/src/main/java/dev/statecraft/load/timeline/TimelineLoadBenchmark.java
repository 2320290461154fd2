package dev.statecraft.load.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.infra.ChildProcesses;
import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.ParentWatch;
import dev.statecraft.infra.kafka.KafkaBroker;
import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Kind;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The timeline-service load benchmark, end to end on real parts: a PostgreSQL and a Kafka broker from
 * local-infra and the packaged timeline-service jar, all on free ports. Loads N generated events, measures how
 * fast the live projection consumes them, rebuilds the projection through the operator endpoint and measures
 * a PostgreSQL COPY of the same rows in the same run as the reference, then runs fixed-rate load on filtered
 * {@code /api/timeline} queries and, separately, on {@code /api/facets}, and writes everything to a file.
 *
 * <pre>./mvnw -B -q -pl load-tests exec:java -Dexec.args="--events 1000000 --out load-tests/benchmarks/timeline-load.txt"</pre>
 */
public final class TimelineLoadBenchmark {
    private static final String TOKEN = "benchmark-operator-token";

    private final Map<String, String> options;
    private final List<String> report = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(7);
    private final Instant end = Instant.parse("2026-01-01T00:00:00Z");

    private TimelineLoadBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("events", "1000000", "rate", "200", "facets-rate", "200",
                "seconds", "60", "out", "load-tests/benchmarks/timeline-load.txt",
                "project-root", ".", "live-seconds", "120",
                "phases", "produce,rebuild,copy,queries"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new TimelineLoadBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path root = Path.of(options.get("project-root")).toAbsolutePath().normalize();
        Path jar = root.resolve("timeline-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -B -q -pl timeline-service -am package -DskipTests");
        }
        // --data-dir keeps PostgreSQL and the broker (with the loaded topic and read model) for later runs, so a
        // 1M-event load is done once and the query phases can be repeated; without it all is thrown away.
        boolean kept = options.containsKey("data-dir");
        Path work = kept ? Files.createDirectories(Path.of(options.get("data-dir")))
                : Files.createTempDirectory("timeline-load-");
        List<String> phases = List.of(options.get("phases").split(","));
        long events = Long.parseLong(options.get("events"));
        note("timeline-service load benchmark, " + Instant.now() + ", " + events + " events, phases " + phases
                + (kept ? ", data kept in " + work : "") + ", facets index " + options.getOrDefault("facets-index",
                "true") + ", timeline pages from the index " + options.getOrDefault("index-pages", "true")
                + ", machine: " + Runtime.getRuntime().availableProcessors()
                + " cores; load average at start " + loadAverage());
        try (LocalPostgres postgres = LocalPostgres.start(FreePorts.find(), work.resolve("postgres"), !kept);
                KafkaBroker broker = KafkaBroker.start(FreePorts.find(), work.resolve("kafka"), !kept)) {
            postgres.createDatabase("timeline");
            String jdbc = postgres.jdbcUrl("timeline");
            if (phases.contains("seed")) {
                seed(jar, jdbc, broker.bootstrapServers(), work.resolve("timeline.log"), events);
            }
            if (!phases.contains("produce")) {
                liveConsumerCaughtUp(broker.bootstrapServers());
            }
            int port = FreePorts.find();
            long logLinesBefore = lines(work.resolve("timeline.log"));
            Process service = startService(jar, port, jdbc, broker.bootstrapServers(), work.resolve("timeline.log"));
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, service, work.resolve("timeline.log"));
            if (phases.contains("queries")) {
                awaitFacetIndex(service, work.resolve("timeline.log"), logLinesBefore);
            }
            try (Connection db = DriverManager.getConnection(jdbc, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                db.setAutoCommit(true);
                if (phases.contains("produce")) {
                    load(broker.bootstrapServers(), db, events);
                }
                if (phases.contains("rebuild")) {
                    // --rebuilds 2: the same service rebuilds again, its JIT warm from the first, as a long-running
                    // service's is when an operator starts one; the first (cold) run is reported as well.
                    int rebuilds = Integer.parseInt(options.getOrDefault("rebuilds", "1"));
                    for (int i = 1; i <= rebuilds; i++) {
                        vacuum(db);
                        note("rebuild " + i + " of " + rebuilds + (i == 1 ? " (service JVM fresh: its JIT compiles"
                                + " the rebuild's code while it reads)" : " (the same service again: its JIT warm)"));
                        rebuild(base, db, work.resolve("timeline.log"));
                    }
                }
                if (phases.contains("copy")) {
                    copyReference(db);
                }
                note("read model: " + scalar(db, "select count(*) from timeline_entry") + " rows, "
                        + scalar(db, "select coalesce(sum(revision), 0) from timeline_entry") + " revisions applied");
                if (phases.contains("queries")) {
                    vacuum(db);
                    slowStatementLog(db);
                    queries(base);
                }
                note("load average at end " + loadAverage());
                write();
                if (options.containsKey("hold")) {
                    System.out.println("holding for EXPLAIN: " + jdbc + " (user postgres/postgres), service " + base
                            + "; Ctrl-C ends");
                    Thread.sleep(Long.parseLong(options.get("hold")) * 1000);
                }
            } finally {
                ChildProcesses.stop(service, Duration.ofSeconds(15));
            }
        }
    }

    /**
     * The timeline JVM for 1M rows (timeline-service README, "JVM options"): the facet index keeps ~330 MB live,
     * so a fixed heap with a 768 MB young generation makes a young collection (10-20 ms of CPU, survivors ~2 MB)
     * every ~15 s at 200 pages/s instead of every 2-5 s; pages touched up front so the first pass through eden
     * takes no page faults; metaspace's first high-water mark above what Quarkus loads (it cost Full GCs); no
     * guaranteed "Cleanup" safepoint every second (on a busy machine reaching each took 10-40 ms of stopped time).
     */
    static final String SERVICE_JVM = "-Xms1536m,-Xmx1536m,-Xmn768m,-XX:+UseParallelGC,-XX:+AlwaysPreTouch,"
            + "-XX:MetaspaceSize=128m,-XX:+UnlockDiagnosticVMOptions,-XX:GuaranteedSafepointInterval=0";

    private Process startService(Path jar, int port, String jdbc, String bootstrap, Path log) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TIMELINE_DB_URL", jdbc);
        env.put("TIMELINE_DB_USER", LocalPostgres.USER);
        env.put("TIMELINE_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("STATECRAFT_OPERATOR_TOKEN", TOKEN);
        // --facets-index false: the SQL facets only, for a before/after pair on the same data
        env.put("STATECRAFT_FACETS_INDEX_ENABLED", options.getOrDefault("facets-index", "true"));
        // --index-pages false: timeline pages by SQL alone (the index still counts facets), for before/after
        env.put("STATECRAFT_TIMELINE_INDEX_PAGES", options.getOrDefault("index-pages", "true"));
        // --service-jvm -Xmx1g,-XX:+UseSerialGC: the service JVM's options, comma-separated (default SERVICE_JVM)
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(List.of(options.getOrDefault("service-jvm", SERVICE_JVM).split(",")));
        command.addAll(List.of("-cp", jar + File.pathSeparator + ChildProcesses.codeLocation(ParentWatch.class),
                ParentWatch.class.getName(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        Process process = ChildProcesses.start(command, env, log);
        ChildProcesses.stopClientOnExit(process);
        return process;
    }

    /**
     * The read model straight from the generator by COPY (see {@link ReadModelSeed}), for the query phases at 1M
     * rows without projecting the events: the service runs once so Flyway creates the schema, then stops so
     * nothing else writes while the rows go in.
     */
    private void seed(Path jar, String jdbc, String bootstrap, Path log, long events) throws Exception {
        int port = FreePorts.find();
        Process service = startService(jar, port, jdbc, bootstrap, log);
        try {
            awaitReady("http://127.0.0.1:" + port, service, log);
        } finally {
            ChildProcesses.stop(service, Duration.ofSeconds(15));
        }
        note("seed (rows straight into timeline_entry by COPY, not through Kafka; load average before "
                + loadAverage() + ")");
        ReadModelSeed.load(() -> {
            try {
                return DriverManager.getConnection(jdbc, LocalPostgres.USER, LocalPostgres.PASSWORD);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, events, end, this::note);
        note("seed done; load average " + loadAverage());
    }

    /** The query phases measure the served read model: wait until the facet index holds it (its log line). */
    private void awaitFacetIndex(Process service, Path log, long skipLines) throws Exception {
        if (options.getOrDefault("facets-index", "true").equals("false")) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String loaded = Files.readAllLines(log).stream().skip(skipLines).filter(l -> l.contains("facet index loaded"))
                    .reduce((a, b) -> b).orElse(null);
            if (loaded != null) {
                note("service ready, " + loaded.replaceAll(".*(facet index loaded[^\"]*).*", "$1")
                        + " (seen after " + Math.round(seconds(started)) + " s)");
                return;
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("timeline-service exited:\n" + ChildProcesses.tail(log, 60));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("facet index not loaded within 5 minutes:\n" + ChildProcesses.tail(log, 60));
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static void awaitReady(String base, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("timeline-service exited:\n" + ChildProcesses.tail(log, 60));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("timeline-service not ready:\n" + ChildProcesses.tail(log, 60));
    }

    /**
     * Produces the events while the live projection consumes them; measures the projection until it has all of
     * them or for {@code --live-seconds} after the last send, whichever comes first. The rebuild then reads the whole topic.
     */
    private void load(String bootstrap, Connection db, long events) throws Exception {
        long started = System.nanoTime();
        long announcements;
        try (AnnouncementProducer producer = new AnnouncementProducer(bootstrap)) {
            announcements = producer.send(new AnnouncementGenerator(42, end), events);
        }
        double produceSeconds = seconds(started);
        note(String.format("produced %d events (%d announcements, %d revisions) in %.1f s: %.0f events/s",
                events, announcements, events - announcements, produceSeconds, events / produceSeconds));
        long windowEnd = System.nanoTime() + Duration.ofSeconds(Long.parseLong(options.get("live-seconds"))).toNanos();
        long applied = 0;
        while (System.nanoTime() < windowEnd) {
            applied = scalar(db, "select coalesce(sum(revision), 0) from timeline_entry");
            if (applied >= events) {
                break;
            }
            System.out.printf("live projection: %d of %d events applied, %.0f/s%n", applied, events,
                    applied / seconds(started));
            Thread.sleep(2000);
        }
        double liveSeconds = seconds(started);
        note(String.format("live projection (one transaction per poll: multi-row upsert of the batch): %d events applied in %.1f s "
                + "from the first send: %.0f events/s%s", applied, liveSeconds, applied / liveSeconds,
                applied >= events ? "" : " (window ended before it caught up; it keeps consuming in the background,"
                        + " as no-ops once the rebuild has switched)"));
    }

    /**
     * A later phase on kept data: the topic was fully read into the read model by a rebuild, so what the live
     * consumer still had to read is all no-ops. Its group is moved to the end offsets (while the service is not
     * running) so it idles, as a caught-up projection does, instead of replaying a million records through the
     * measurements.
     */
    private void liveConsumerCaughtUp(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            var partitions = admin.describeTopics(List.of(AnnouncementEvents.TOPIC)).allTopicNames()
                    .get().get(AnnouncementEvents.TOPIC).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var p : partitions) {
                latest.put(new TopicPartition(AnnouncementEvents.TOPIC,
                        p.partition()), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends =
                    new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) ->
                    ends.put(tp, new OffsetAndMetadata(info.offset())));
            // A service of an earlier run may still count as a member until its session times out (45 s).
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.alterConsumerGroupOffsets("timeline-service", ends).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (attempt >= 30) {
                        throw e;
                    }
                    System.out.println("consumer group still has a member, retrying: " + e.getCause());
                    Thread.sleep(3000);
                }
            }
            note("live consumer group moved to the topic's end offsets " + ends.values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum()
                    + " (everything in the topic is already in the read model; it idles as a caught-up projection)");
        }
    }

    private void rebuild(String base, Connection db, Path serviceLog) throws Exception {
        long logLinesBefore = lines(serviceLog);
        HttpClient http = HttpClient.newHttpClient();
        note("server: " + walSettings(db));
        String walBefore = text(db, WAL_AND_CHECKPOINTS);
        long started = System.nanoTime();
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/projection/rebuild"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + start.statusCode() + ": " + start.body());
        }
        JsonNode progress;
        // --rebuild-limit-seconds: an old, slow build is measured for this long (its rate so far), not to the end
        long limit = Long.parseLong(options.getOrDefault("rebuild-limit-seconds", "0"));
        while (true) {
            Thread.sleep(1000);
            progress = AnnouncementJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base
                    + "/admin/projection")).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = progress.path("state").asText();
            System.out.println("rebuild: " + progress);
            if (state.equals("done")) {
                break;
            }
            if (state.equals("failed")) {
                throw new IllegalStateException("rebuild failed: " + progress);
            }
            if (limit > 0 && seconds(started) >= limit) {
                note(String.format("rebuild stopped being measured after %.1f s (--rebuild-limit-seconds): %d records"
                        + " read, %.0f events/s so far (reading only, no index build or switch yet); load average %s",
                        seconds(started), progress.path("records_read").asLong(),
                        progress.path("records_read").asLong() / seconds(started), loadAverage()));
                return;
            }
        }
        double seconds = seconds(started);
        long read = progress.path("records_read").asLong();
        note(String.format("rebuild (POST to done, incl. index build and switch; 1 s polling): %d records in %.1f s:"
                + " %.0f events/s", read, seconds, read / seconds));
        note("read model: " + scalar(db, "select count(*) from timeline_entry") + " rows, table + indexes "
                + text(db, "select pg_size_pretty(pg_total_relation_size('timeline_entry'))"));
        note("WAL and checkpoints during the rebuild (pg_stat_wal, pg_stat_bgwriter): before " + walBefore
                + "; after " + text(db, WAL_AND_CHECKPOINTS));
        note("phases, from the service log:");
        try (var lines = Files.lines(serviceLog)) {
            lines.skip(logLinesBefore)
                    .filter(l -> l.contains("projection rebuild:") && !l.contains("records read, lag"))
                    .forEach(l -> note("  " + logMessage(l)));
        }
    }

    /** A service log line (JSON, as the service logs) as its time of day and message. */
    private static String logMessage(String line) {
        try {
            JsonNode entry = AnnouncementJson.mapper().readTree(line);
            String time = entry.path("timestamp").asText("");
            return (time.length() >= 23 ? time.substring(11, 23) + " " : "") + entry.path("message").asText();
        } catch (IOException e) {
            return line; // not JSON: as it is
        }
    }

    /** WAL written (records, full-page images, bytes) and checkpoints taken (timed, requested) so far. */
    private static final String WAL_AND_CHECKPOINTS = "select format('wal_records %s, wal_fpi %s, wal_bytes %s, "
            + "checkpoints_timed %s, checkpoints_req %s, buffers_checkpoint %s, buffers_backend %s', w.wal_records, "
            + "w.wal_fpi, pg_size_pretty(w.wal_bytes), b.checkpoints_timed, b.checkpoints_req, b.buffers_checkpoint, "
            + "b.buffers_backend) from pg_stat_wal w, pg_stat_bgwriter b";

    private static String walSettings(Connection db) throws SQLException {
        return text(db, "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from "
                + "pg_settings where name in ('wal_level', 'max_wal_size', 'checkpoint_timeout', 'wal_compression', "
                + "'full_page_writes', 'fsync', 'shared_buffers', 'synchronous_commit')");
    }

    /** The reference: the same rows, dumped with COPY and loaded with COPY into a table of the same shape. */
    private void copyReference(Connection db) throws Exception {
        // search included: since V10 the projection writes it (no longer generated), so the reference loads it too
        String columns = "id, revision, published_at, kind, title, summary, publisher, source_url, countries, "
                + "organisations, persons, event, applied_at, locations, mentioned_dates, body_text, search, "
                + "change_seq";
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        Path dump = Files.createTempFile("timeline-copy-", ".tsv");
        try {
            try (var out = Files.newOutputStream(dump)) {
                copy.copyOut("copy (select " + columns + " from timeline_entry) to stdout", out);
            }
            List<String> indexes = new ArrayList<>();
            String storage = null;
            try (Statement s = db.createStatement()) {
                s.execute("drop table if exists copy_reference");
                s.execute("create table copy_reference (like timeline_entry including defaults including generated "
                        + "including constraints)");
                // the same storage parameters (V11: rows inline, uncompressed), which LIKE does not copy
                try (ResultSet rs = s.executeQuery("select array_to_string(reloptions, ', ') from pg_class "
                        + "where oid = 'timeline_entry'::regclass")) {
                    storage = rs.next() ? rs.getString(1) : null;
                }
                if (storage != null) {
                    s.execute("alter table copy_reference set (" + storage + ")");
                }
                try (ResultSet rs = s.executeQuery("select pg_get_indexdef(indexrelid) from pg_index "
                        + "where indrelid = 'timeline_entry'::regclass")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+",
                                "CREATE $1INDEX ON copy_reference"));
                    }
                }
            }
            long started = System.nanoTime();
            long rows;
            try (var in = Files.newInputStream(dump)) {
                rows = copy.copyIn("copy copy_reference (" + columns + ") from stdin", in);
            }
            double copySeconds = seconds(started);
            try (Statement s = db.createStatement()) {
                s.execute("set maintenance_work_mem = '256MB'"); // as the rebuild's index builds have
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            double allSeconds = seconds(started);
            note(String.format("reference COPY of the same %d rows into a same-shaped table (storage %s): %.1f s "
                    + "(%.0f rows/s); with its %d indexes built after: %.1f s (%.0f rows/s)", rows,
                    storage == null ? "default" : storage, copySeconds, rows / copySeconds, indexes.size(),
                    allSeconds, rows / allSeconds));
            try (Statement s = db.createStatement()) {
                s.execute("drop table copy_reference");
                s.execute("reset maintenance_work_mem");
            }
            // The rebuild COPYs in binary format (timeline-service rebuild/CopyBinary), which costs PostgreSQL
            // less per row than text: the same rows in that format too, so the reference is not the slower one.
            try (var out = Files.newOutputStream(dump)) {
                copy.copyOut("copy (select " + columns + " from timeline_entry) to stdout (format binary)", out);
            }
            try (Statement s = db.createStatement()) {
                s.execute("create table copy_reference (like timeline_entry including defaults including generated "
                        + "including constraints)");
                if (storage != null) {
                    s.execute("alter table copy_reference set (" + storage + ")");
                }
            }
            long binaryStarted = System.nanoTime();
            try (var in = Files.newInputStream(dump)) {
                rows = copy.copyIn("copy copy_reference (" + columns + ") from stdin (format binary)", in);
            }
            double binarySeconds = seconds(binaryStarted);
            double indexSeconds = allSeconds - copySeconds;
            note(String.format("reference COPY in binary format (the rebuild's) of the same %d rows: %.1f s (%.0f "
                    + "rows/s); with the %d index builds timed above (%.1f s): %.1f s (%.0f rows/s)", rows,
                    binarySeconds, rows / binarySeconds, indexes.size(), indexSeconds, binarySeconds + indexSeconds,
                    rows / (binarySeconds + indexSeconds)));
            try (Statement s = db.createStatement()) {
                s.execute("drop table copy_reference");
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static void vacuum(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze timeline_entry");
        }
    }

    /** Statements slower than 20 ms land in the PostgreSQL log with their parameters, for EXPLAIN afterwards. */
    private static void slowStatementLog(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("alter system set log_min_duration_statement = 20");
            s.execute("select pg_reload_conf()");
        }
    }

    private void queries(String base) throws Exception {
        try (FixedRateLoad load = new FixedRateLoad(base)) {
            queries(load);
        }
    }

    private void queries(FixedRateLoad load) throws Exception {
        double rate = Double.parseDouble(options.get("rate"));
        double facetsRate = Double.parseDouble(options.get("facets-rate"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        // --skip a,b: leave query types out by name (e.g. the ones only SQL answers, to see the others on their own)
        List<String> skip = List.of(options.getOrDefault("skip", "").split(","));
        List<FixedRateLoad.QueryType> timeline = timelineQueries(load, skip).stream()
                .filter(t -> !skip.contains(t.name())).toList();
        List<FixedRateLoad.QueryType> facets = facetQueries().stream()
                .filter(t -> !skip.contains(t.name())).toList();
        if (!skip.get(0).isEmpty()) {
            note("query types left out (--skip): " + skip);
        }

        // Warm-up (JIT, connection pools, PostgreSQL buffers): not recorded.
        if (!timeline.isEmpty()) {
            load.run(timeline, rate, Duration.ofSeconds(15), 1);
        }
        if (!facets.isEmpty()) {
            load.run(facets, Math.min(facetsRate, 50), Duration.ofSeconds(10), 2);
        }

        measure(load, "/api/timeline", timeline, rate, duration, 11);
        measure(load, "/api/facets", facets, facetsRate, duration, 12);
        // Optional second pass at a rate the machine can serve, to see each query type's own cost.
        if (options.containsKey("low-rate")) {
            double low = Double.parseDouble(options.get("low-rate"));
            measure(load, "/api/timeline", timeline, low, duration, 21);
            measure(load, "/api/facets", facets, low, duration, 22);
        }
    }

    private void measure(FixedRateLoad load, String what, List<FixedRateLoad.QueryType> types, double rate,
            Duration duration, long seed) {
        if (types.isEmpty()) {
            return; // all of its types left out with --skip
        }
        note("");
        note(String.format("%s at %.0f requests/s for %d s, fixed schedule, latency from the intended send time "
                + "(corrected for coordinated omission); load average before %s", what, rate, duration.toSeconds(),
                loadAverage()));
        load.run(types, rate, duration, seed).forEach(r -> note(r.line()));
    }

    private List<FixedRateLoad.QueryType> timelineQueries(FixedRateLoad load, List<String> skip) throws Exception {
        List<FixedRateLoad.QueryType> types = new ArrayList<>(List.of(
                type("country", r -> "country=" + country(r)),
                type("kind", r -> "kind=" + kind(r)),
                type("date_range", r -> dateRange(r, 30)),
                type("person", r -> "person=" + enc(AnnouncementGenerator.PERSONS.next(r))),
                type("q", r -> "q=" + enc(AnnouncementGenerator.WORDS.next(r) + " " + AnnouncementGenerator.WORDS.next(r))),
                type("event_dates", r -> {
                    LocalDate d = day(r);
                    return "event_from=" + d + "&event_to=" + d.plusDays(6);
                }),
                type("combined", r -> "country=" + country(r) + "&kind=" + kind(r) + "&" + dateRange(r, 365)),
                type("org_person_neg", r -> "organisation=" + AnnouncementGenerator.ORGANISATIONS.next(r)[0]
                        + "&-kind=statement&country=" + country(r))));
        types.addAll(issueMix());
        // Relevance ranks every match: on a common word at 1M rows that is seconds of PostgreSQL CPU per request
        // (timeline-1m-plans.txt), which at 200 rps would saturate the pool and hide every other type's latency.
        if (options.getOrDefault("relevance", "false").equals("true")) {
            types.add(type("q_relevance", r -> "sort=relevance&q=" + enc(AnnouncementGenerator.WORDS.next(r))));
        }
        // Second pages: follow the next link of first pages taken before the run, of this run's own types only
        // (second pages of the types left out, e.g. q, are answered by SQL alone like their first pages).
        List<FixedRateLoad.QueryType> firsts = types.stream().filter(t -> !skip.contains(t.name())).toList();
        List<String> nextLinks = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; !firsts.isEmpty() && nextLinks.size() < 100 && i < 400; i++) {
            FixedRateLoad.QueryType first = firsts.get(i % firsts.size());
            JsonNode page = AnnouncementJson.mapper().readTree(load.get(first.path().apply(r)));
            if (page.hasNonNull("next")) {
                nextLinks.add(page.get("next").asText());
            }
        }
        if (!nextLinks.isEmpty()) {
            types.add(new FixedRateLoad.QueryType("next_page", x -> nextLinks.get(x.nextInt(nextLinks.size()))));
        }
        return types;
    }

    /**
     * The rest of issue 4's query mix: country+kind, an organisation, an exclusion on its own, the most common
     * word and a rare one (the name of a country from the tail of the popularity list: titles name countries).
     */
    private List<FixedRateLoad.QueryType> issueMix() {
        List<String[]> countries = AnnouncementGenerator.COUNTRIES.values();
        List<String[]> rare = countries.subList(countries.size() / 2, countries.size());
        return List.of(
                type("country_kind", r -> "country=" + country(r) + "&kind=" + kind(r)),
                type("organisation", r -> "organisation=" + AnnouncementGenerator.ORGANISATIONS.next(r)[0]),
                type("neg_kind", r -> "-kind=" + kind(r)),
                type("q_common", r -> "q=" + AnnouncementGenerator.WORDS.values().get(0)),
                type("q_rare", r -> "q=" + enc(rare.get(r.nextInt(rare.size()))[1])));
    }

    private List<FixedRateLoad.QueryType> facetQueries() {
        List<FixedRateLoad.QueryType> types = new ArrayList<>(List.of(
                facets("unfiltered", r -> ""),
                facets("country", r -> "country=" + country(r)),
                facets("country_kind", r -> "country=" + country(r) + "&kind=" + kind(r)),
                facets("date_range", r -> dateRange(r, 90)),
                facets("person", r -> "person=" + enc(AnnouncementGenerator.PERSONS.next(r))),
                facets("org_neg_kind", r -> "organisation=" + AnnouncementGenerator.ORGANISATIONS.next(r)[0]
                        + "&-kind=statement")));
        // q is counted by SQL (the index does not evaluate it): before session 8 a common word made six grouped
        // queries over most of the table, seconds each, which at 200 rps held the whole pool; since, each filter set
        // is counted over its newest statecraft.facets.sql-matches matches. facets_q: a Zipf word; q_common: the
        // most common word; q_rare: a country from the tail of the list (the SQL-only run's types, as facets).
        if (options.getOrDefault("facets-q", "false").equals("true")) {
            List<String[]> countries = AnnouncementGenerator.COUNTRIES.values();
            List<String[]> rare = countries.subList(countries.size() / 2, countries.size());
            types.add(facets("q", r -> "q=" + enc(AnnouncementGenerator.WORDS.next(r))));
            types.add(facets("q_common", r -> "q=" + AnnouncementGenerator.WORDS.values().get(0)));
            types.add(facets("q_rare", r -> "q=" + enc(rare.get(r.nextInt(rare.size()))[1])));
        }
        return types;
    }

    private static FixedRateLoad.QueryType type(String name, Function<SplittableRandom, String> query) {
        return new FixedRateLoad.QueryType(name, r -> "/api/timeline?" + query.apply(r));
    }

    private static FixedRateLoad.QueryType facets(String name, Function<SplittableRandom, String> query) {
        return new FixedRateLoad.QueryType("facets_" + name, r -> "/api/facets?" + query.apply(r));
    }

    private static String country(SplittableRandom r) {
        return AnnouncementGenerator.COUNTRIES.next(r)[0];
    }

    private static String kind(SplittableRandom r) {
        Kind[] kinds = Kind.values();
        return kinds[r.nextInt(kinds.length)].wire();
    }

    private LocalDate day(SplittableRandom r) {
        return end.minusSeconds(r.nextLong(AnnouncementGenerator.SPAN.toSeconds())).atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    private String dateRange(SplittableRandom r, int days) {
        LocalDate from = day(r);
        return "from=" + from + "&to=" + from.plusDays(days);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long scalar(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void note(String line) {
        System.out.println(line);
        report.add(line);
    }

    private void write() throws IOException {
        Path out = Path.of(options.get("project-root")).resolve(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        // --append: a later phase of a kept data set adds its section to the same file
        if (options.containsKey("append")) {
            Files.write(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            Files.write(out, report);
        }
        System.out.println("written to " + out);
    }
}
