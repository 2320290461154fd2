package dev.statecraft.parser.bench;

import dev.statecraft.bench.ShortJmhRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link ParserBenchmark} to steady state (one fork, 8 warm-up and 5 measured iterations of 5 s, one
 * thread: C2 needs ~26 s of CPU to compile the parser's many passes, so 5 x 5 s ended still compiling) and
 * writes a summary to
 * the file named by the first argument (default {@code benchmarks/parser-jmh.txt}).
 */
public final class BenchmarkMain {
    private static final long CPU_BUDGET_NANOS = 3_000_000_000L;
    /**
     * JMH ran in its own fork: this JVM warms up first. At 1x a parse costs ~450 us of CPU after 5 CPU-s and
     * reaches its steady ~300 us only after 15-20 CPU-s (C2 still compiling), so 20 CPU-s per size.
     */
    private static final long CPU_WARM_UP_NANOS = 20_000_000_000L;

    private BenchmarkMain() {
    }

    /** Seed-sized documents parsed per second of this thread's CPU time, over about three CPU-seconds. */
    private static double cpuThroughput(int copies) throws IOException {
        ParserBenchmark benchmark = new ParserBenchmark();
        benchmark.copies = copies;
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUp = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - warmUp < CPU_WARM_UP_NANOS) {
            benchmark.parse();
        }
        long start = threads.getCurrentThreadCpuTime();
        long parses = 0;
        while (threads.getCurrentThreadCpuTime() - start < CPU_BUDGET_NANOS) {
            benchmark.parse();
            parses++;
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        return parses * copies / seconds;
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/parser-jmh.txt");
        String loadAverage = ShortJmhRun.loadAverage();
        Collection<RunResult> results = ShortJmhRun.runSteadyState(ParserBenchmark.class);
        List<String> lines = new ArrayList<>();
        lines.add("# announcement-parser JMH results (" + Instant.now() + "), load average before the run: "
                + loadAverage);
        lines.add("# ParserBenchmark.parse: the seed press release (3.2 kB of text) repeated N times, one thread.");
        lines.add("# " + ShortJmhRun.STEADY_STATE_SETTINGS + "; " + ShortJmhRun.environment() + " (numbers are a lower bound).");
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
        lines.add("");
        lines.add("# Per CPU-second of the parsing thread (ThreadMXBean), 3 CPU-s after 20 CPU-s of warm-up per size:");
        lines.add("# less sensitive than wall-clock throughput to other processes on a shared machine.");
        lines.add(String.format("%-8s %22s", "copies", "seed-sized docs/cpu-s"));
        for (int copies : new int[] {1, 10, 100}) {
            lines.add(String.format("%-8d %22.1f", copies, cpuThroughput(copies)));
        }
        ShortJmhRun.write(out, lines);
    }
}
