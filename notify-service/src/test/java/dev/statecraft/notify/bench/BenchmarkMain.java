package dev.statecraft.notify.bench;

import dev.statecraft.bench.ShortJmhRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link MatchingBenchmark} with short iterations (one fork, 2 warm-up and 3 measured iterations of 2 s,
 * one thread) and writes a summary to the file named by the first argument
 * (default {@code benchmarks/matching-jmh.txt}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/matching-jmh.txt");
        String loadAverage = ShortJmhRun.loadAverage();
        Collection<RunResult> results = ShortJmhRun.run(MatchingBenchmark.class);
        MatchingBenchmark probe = new MatchingBenchmark();
        probe.subscriptions = 100_000;
        probe.setUp();
        int matched = probe.matchOneAnnouncement().size();
        List<String> lines = new ArrayList<>();
        lines.add("# notify-service matching JMH results (" + Instant.now() + "), load average before the run: "
                + loadAverage);
        lines.add("# MatchingBenchmark.matchOneAnnouncement: one announcement (~3 kB, 2 countries, 1 kind) against "
                + "SubscriptionIndex (in memory; the db re-check of the candidates is not included).");
        lines.add("# " + ShortJmhRun.SETTINGS + "; " + ShortJmhRun.environment() + ".");
        lines.add("# Target: <= 2 ms (2000 us) per announcement at 100,000 subscriptions.");
        lines.add("");
        lines.add(String.format("%-14s %14s %12s", "subscriptions", "us/op", "± (99.9%)"));
        for (RunResult r : results) {
            lines.add(String.format("%-14s %14.1f %12.1f", r.getParams().getParam("subscriptions"),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        lines.add("");
        lines.add("# subscriptions matched by the benchmark announcement: " + matched);
        ShortJmhRun.write(out, lines);
    }
}
