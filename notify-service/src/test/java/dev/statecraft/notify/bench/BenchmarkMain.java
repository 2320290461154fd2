package dev.statecraft.notify.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MatchingBenchmark} with short iterations (one fork, 2 warm-up and 3 measured iterations of 2 s,
 * one thread) and writes a summary to the file named by the first argument
 * (default {@code benchmarks/matching-jmh.txt}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/matching-jmh.txt");
        String loadAverage = loadAverage();
        Options options = new OptionsBuilder()
                .include(MatchingBenchmark.class.getSimpleName())
                .forks(1)
                .threads(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        MatchingBenchmark probe = new MatchingBenchmark();
        probe.subscriptions = 100_000;
        probe.setUp();
        int matched = probe.matchOneAnnouncement().size();
        List<String> lines = new ArrayList<>();
        lines.add("# notify-service matching JMH results (" + Instant.now() + "), load average before the run: "
                + loadAverage);
        lines.add("# MatchingBenchmark.matchOneAnnouncement: one announcement (~3 kB, 2 countries, 1 kind) against "
                + "SubscriptionIndex (in memory; the db re-check of the candidates is not included).");
        lines.add("# JMH 1.37, 1 fork, 2 warm-up + 3 measured iterations of 2 s, one thread; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores shared with other builds.");
        lines.add("# Target: <= 2 ms (2000 us) per announcement at 100,000 subscriptions.");
        lines.add("");
        lines.add(String.format("%-14s %14s %12s", "subscriptions", "us/op", "± (99.9%)"));
        for (RunResult r : results) {
            lines.add(String.format("%-14s %14.1f %12.1f", r.getParams().getParam("subscriptions"),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        lines.add("");
        lines.add("# subscriptions matched by the benchmark announcement: " + matched);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }
}
