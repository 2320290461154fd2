package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.query.Filters;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The in-memory facet index at the scale, in process (no HTTP, no database): 1,000,000 entries with
 * the load generator's shapes (Zipf-distributed countries, organisations and people in its vocabulary sizes,
 * kinds in its shares, ten years of dates, 5 % revised), then the cost of one facets request per filter type
 * (the benchmark's facet mix, without {@code q}, which SQL answers). Not part of the test run:
 *
 * <pre>./mvnw -B -q -o -pl timeline-service test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.statecraft.timeline.facets.FacetIndexScaleBenchmark \
 *   -Dexec.args="1000000 load-tests/benchmarks/timeline-facet-index-1m.txt"</pre>
 */
public final class FacetIndexScaleBenchmark {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] KINDS = {"statement", "meeting", "visit", "aid", "sanctions_imposed", "agreement",
        "defence_cooperation", "summit", "sanctions_lifted", "other"};
    private static final double[] KIND_SHARE = {0.30, 0.18, 0.14, 0.08, 0.07, 0.07, 0.05, 0.04, 0.02, 0.05};
    private static final String[] COUNTRIES = {"GB", "US", "UA", "FR", "DE", "CN", "RU", "JP", "IN", "PL", "IT",
        "CA", "AU", "BR", "ZA", "NG", "KE", "EG", "SA", "TR", "IR", "IL", "KR", "MX", "AR", "ID", "PK", "NO", "SE",
        "ES"};
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 10L * 365 * 86_400;

    private final SplittableRandom random = new SplittableRandom(42);
    private final Zipf countries = new Zipf(COUNTRIES.length, 1.0);
    private final Zipf organisations = new Zipf(12, 1.1);
    private final Zipf persons = new Zipf(2000, 0.9);

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = Path.of(args.length > 1 ? args[1] : "load-tests/benchmarks/timeline-facet-index-1m.txt");
        new FacetIndexScaleBenchmark().run(n, out);
    }

    private void run(int n, Path out) throws IOException {
        List<String> report = new ArrayList<>();
        report.add("FacetIndex at scale, in process, " + Instant.now() + "; " + Runtime.getRuntime()
                .availableProcessors() + " cores shared with other builds; load average at start " + loadAverage());
        FacetIndex index = new FacetIndex();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            put(index, "ann_" + i);
        }
        int revisions = n / 20;
        for (int i = 0; i < revisions; i++) {
            put(index, "ann_" + random.nextInt(n)); // a newer revision with other values
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        report.add(String.format("loaded %d entries + %d revisions in %.1f s (%.0f puts/s); heap in use after GC "
                + "%d MB", n, revisions, loadSeconds, (n + revisions) / loadSeconds, heap >> 20));

        Map<String, Function<SplittableRandom, Filters>> types = new java.util.LinkedHashMap<>();
        types.put("facets_unfiltered", r -> filters());
        types.put("facets_country", r -> filters("country", country(r)));
        types.put("facets_country_kind", r -> filters("country", country(r), "kind", kind(r)));
        types.put("facets_date_range", r -> {
            LocalDate from = day(r);
            return filters("from", from.toString(), "to", from.plusDays(90).toString());
        });
        types.put("facets_person", r -> filters("person", "Person " + persons.next(r)));
        types.put("facets_org_neg_kind", r -> filters("organisation", "ORG" + organisations.next(r), "-kind",
                "statement"));
        // warm-up: JIT
        SplittableRandom warm = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            for (Function<SplittableRandom, Filters> type : types.values()) {
                index.count(type.apply(warm));
            }
        }
        report.add("cost of one facets request (all five facets and the total), 1000 requests per type, one"
                + " thread (wall clock; cpu: this thread's CPU time):");
        SplittableRandom r = new SplittableRandom(2);
        for (Map.Entry<String, Function<SplittableRandom, Filters>> type : types.entrySet()) {
            long[] nanos = new long[1000];
            long cpu = 0;
            for (int i = 0; i < nanos.length; i++) {
                Filters f = type.getValue().apply(r);
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                index.count(f);
                nanos[i] = System.nanoTime() - t;
                cpu += THREADS.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(nanos);
            report.add(line(type.getKey(), nanos, cpu));
        }
        // The timeline benchmark's page mix (load-tests TimelineLoadBenchmark): each first page, then its second.
        Map<String, Function<SplittableRandom, Filters>> pages = new java.util.LinkedHashMap<>();
        pages.put("page_country", x -> filters("country", country(x)));
        pages.put("page_kind", x -> filters("kind", kind(x)));
        pages.put("page_date_range", x -> range(x, 30));
        pages.put("page_person", x -> filters("person", "Person " + persons.next(x)));
        pages.put("page_combined", x -> {
            LocalDate from = day(x);
            return filters("country", country(x), "kind", kind(x), "from", from.toString(), "to",
                    from.plusDays(365).toString());
        });
        pages.put("page_org_person_neg", x -> filters("organisation", "ORG" + organisations.next(x), "-kind",
                "statement", "country", country(x)));
        pages.put("page_country_kind", x -> filters("country", country(x), "kind", kind(x)));
        pages.put("page_organisation", x -> filters("organisation", "ORG" + organisations.next(x)));
        pages.put("page_neg_kind", x -> filters("-kind", kind(x)));
        for (int i = 0; i < 300; i++) {
            for (Function<SplittableRandom, Filters> type : pages.values()) {
                index.newest(type.apply(warm), null, 83);
            }
        }
        report.add("cost of naming one timeline page (51 entries + 32 spare, newest first), 1000 per type; next_page:"
                + " the page after the 51st entry of a first page of each type:");
        long[] next = new long[1000];
        int nextCount = 0;
        long nextCpu = 0;
        for (Map.Entry<String, Function<SplittableRandom, Filters>> type : pages.entrySet()) {
            long[] nanos = new long[1000];
            long cpu = 0;
            for (int i = 0; i < nanos.length; i++) {
                Filters f = type.getValue().apply(r);
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                FacetIndex.Newest first = index.newest(f, null, 83);
                nanos[i] = System.nanoTime() - t;
                cpu += THREADS.getCurrentThreadCpuTime() - c;
                if (first.ids().size() > 51 && i % 9 == 0 && nextCount < next.length) {
                    Long cursor = index.publishedMicros(first.ids().get(50));
                    c = THREADS.getCurrentThreadCpuTime();
                    t = System.nanoTime();
                    index.newest(f, cursor, 83);
                    next[nextCount++] = System.nanoTime() - t;
                    nextCpu += THREADS.getCurrentThreadCpuTime() - c;
                }
            }
            Arrays.sort(nanos);
            report.add(line(type.getKey(), nanos, cpu));
        }
        report.add(line("next_page", Arrays.stream(next, 0, nextCount).sorted().toArray(), nextCpu));
        report.add("posting lists (values and days) " + (index.postingBytes() >> 20) + " MB of the heap above");
        report.add("load average at end " + loadAverage());
        report.forEach(System.out::println);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, report);
    }

    /** Wall-clock percentiles and the mean CPU time of this thread per call (other load stretches the first). */
    private static String line(String name, long[] sorted, long cpuNanos) {
        return String.format("  %-22s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  cpu mean %6.3f ms"
                + "  (n=%d)", name, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                cpuNanos / 1e6 / sorted.length, sorted.length);
    }

    private Filters range(SplittableRandom r, int days) {
        LocalDate from = day(r);
        return filters("from", from.toString(), "to", from.plusDays(days).toString());
    }

    private void put(FacetIndex index, String id) {
        int kind = 0;
        double u = random.nextDouble();
        for (double share = KIND_SHARE[0]; u > share && kind < KINDS.length - 1; share += KIND_SHARE[++kind]) {
            // walk the cumulative shares
        }
        Instant published = END.minusSeconds(random.nextLong(SPAN_SECONDS));
        Set<String> c = new LinkedHashSet<>();
        int countryCount = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextInt(3));
        while (c.size() < countryCount) {
            c.add(COUNTRIES[countries.next(random)]);
        }
        Set<String> p = new LinkedHashSet<>();
        int personCount = random.nextInt(4);
        while (p.size() < personCount) {
            p.add("Person " + persons.next(random));
        }
        Set<String> o = new LinkedHashSet<>();
        int organisationCount = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(2);
        while (o.size() < organisationCount) {
            o.add("ORG" + organisations.next(random));
        }
        index.put(id, KINDS[kind], published, c.toArray(String[]::new), o.toArray(String[]::new),
                p.toArray(String[]::new));
    }

    private String country(SplittableRandom r) {
        return COUNTRIES[countries.next(r)];
    }

    private static String kind(SplittableRandom r) {
        return KINDS[r.nextInt(KINDS.length)];
    }

    private static LocalDate day(SplittableRandom r) {
        return LocalDate.ofInstant(END.minusSeconds(r.nextLong(SPAN_SECONDS)), java.time.ZoneOffset.UTC);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static Filters filters(String... parameters) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.computeIfAbsent(parameters[i], k -> new ArrayList<>()).add(parameters[i + 1]);
        }
        return Filters.from(map);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Rank 0..n-1 with probability proportional to 1 / (rank+1)^s, as the load generator's Zipf. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(SplittableRandom random) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
        }
    }
}
