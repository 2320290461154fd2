package dev.statecraft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How the project's benchmarks run and record their results: short JMH runs (one fork, 2 warm-up and 3
 * measured iterations of 2 s, one thread) sized for a shared 2-core machine, with the load at the start
 * written down beside the numbers, since only ratios within one run are trustworthy there.
 */
public final class ShortJmhRun {
    /** Describes the settings of {@link #run}, for the results file. */
    public static final String SETTINGS = "JMH 1.37, 1 fork, 2 warm-up + 3 measured iterations of 2 s, one thread";
    /** Describes the settings of {@link #runSteadyState}, for the results file. */
    public static final String STEADY_STATE_SETTINGS =
            "JMH 1.37, 1 fork, 8 warm-up + 5 measured iterations of 5 s, one thread";

    private ShortJmhRun() {
    }

    public static Collection<RunResult> run(Class<?> benchmark) throws RunnerException {
        return run(benchmark, 2, 3, 2);
    }

    /**
     * Longer runs for code big enough that C2 is still compiling its hot paths after many seconds (a parser
     * of many passes, on cores shared with other builds): 8 warm-up and 5 measured iterations of 5 s. JFR
     * ({@code jdk.Compilation}) of the parser at 1x: C2 spends ~26 s of CPU on it and its last compiles land
     * ~28 s in, so 5 warm-up iterations (25 s) ended with C2 still compiling.
     */
    public static Collection<RunResult> runSteadyState(Class<?> benchmark) throws RunnerException {
        return run(benchmark, 8, 5, 5);
    }

    private static Collection<RunResult> run(Class<?> benchmark, int warmups, int iterations, int seconds)
            throws RunnerException {
        return new Runner(new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .forks(1)
                .threads(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgs("-Xmx1g")
                .build()).run();
    }

    /** The JVM and the machine, for the results file. */
    public static String environment() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores shared with other builds";
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Writes the results file (creating its folder) and echoes it. */
    public static void write(Path out, List<String> lines) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }
}
