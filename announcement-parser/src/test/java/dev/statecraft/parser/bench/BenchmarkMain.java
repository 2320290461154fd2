package dev.statecraft.parser.bench;

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
 * Runs {@link ParserBenchmark} with short iterations (one fork, 2 warm-up and 3 measured iterations of 2 s,
 * one thread) and writes a summary to the file named by the first argument
 * (default {@code benchmarks/parser-jmh.txt}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/parser-jmh.txt");
        Options options = new OptionsBuilder()
                .include(ParserBenchmark.class.getSimpleName())
                .forks(1)
                .threads(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        lines.add("# announcement-parser JMH results (" + Instant.now() + ")");
        lines.add("# ParserBenchmark.parse: the seed press release (3.2 kB of text) repeated N times, one thread.");
        lines.add("# JMH 1.37, 1 fork, 2 warm-up + 3 measured iterations of 2 s; " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores shared with other builds (numbers are a lower bound).");
        lines.add("");
        lines.add(String.format("%-8s %14s %12s %22s %14s", "copies", "docs/s", "± (99.9%)", "seed-sized docs/s",
                "µs per copy"));
        for (RunResult r : results) {
            int copies = Integer.parseInt(r.getParams().getParam("copies"));
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            lines.add(String.format("%-8d %14.1f %12.1f %22.1f %14.1f", copies, score, error, score * copies,
                    1_000_000 / (score * copies)));
        }
        lines.add("");
        lines.add("Linear in length when 'seed-sized docs/s' stays roughly constant from 1x to 100x.");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }
}
