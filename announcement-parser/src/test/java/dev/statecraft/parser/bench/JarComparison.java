package dev.statecraft.parser.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;

/**
 * Before/after on a shared machine: two parser CLI jars loaded side by side in one JVM (one class loader each),
 * warmed, then timed in alternating rounds of CPU time of this thread, the order flipped every round, so that
 * load from other processes hits both alike. Prints the median CPU time per parse of each and the median and
 * range of the per-round ratio (before / after).
 *
 * <p>Usage: {@code JarComparison BEFORE.jar AFTER.jar COPIES ROUNDS CPU_SECONDS_PER_ROUND [TEXT_FILE]}: with a text
 * file, that text (repeated COPIES times) instead of the seed, e.g. one sentence for the fixed per-document cost.
 */
public final class JarComparison {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double WARM_UP_SECONDS = 6;

    private JarComparison() {
    }

    /** One parser jar, its parser and the input, in a class loader of its own. */
    private static final class Side {
        private final String name;
        private final Object parser;
        private final Object input;
        private final MethodHandle parse;

        Side(Path jar, String text) throws ReflectiveOperationException, IOException {
            name = jar.getFileName().toString();
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> parserClass = loader.loadClass("dev.statecraft.parser.AnnouncementParser");
            Class<?> inputClass = loader.loadClass("dev.statecraft.parser.ParserInput");
            parser = parserClass.getConstructor().newInstance();
            input = inputClass.getMethod("text", String.class, Instant.class)
                    .invoke(null, text, Instant.parse("2025-12-01T00:00:00Z"));
            parse = MethodHandles.publicLookup().unreflect(parserClass.getMethod("parse", inputClass))
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        }

        /** Parses for {@code cpuSeconds} of this thread's CPU time; returns µs of CPU per parse. */
        double microsPerParse(double cpuSeconds) throws Throwable {
            long start = THREADS.getCurrentThreadCpuTime();
            long parses = 0;
            while (THREADS.getCurrentThreadCpuTime() - start < cpuSeconds * 1e9) {
                Object result = parse.invokeExact(parser, input);
                parses += result != null ? 1 : 0;
            }
            return (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / parses;
        }
    }

    public static void main(String[] args) throws Throwable {
        int copies = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        double seconds = Double.parseDouble(args[4]);
        String seed;
        if (args.length > 5) {
            seed = Files.readString(Path.of(args[5]));
        } else {
            try (InputStream in = JarComparison.class.getResourceAsStream("/fixtures/uk-eu-kallas-london.txt")) {
                seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String text = String.join("\n\n", Collections.nCopies(copies, seed));
        Side before = new Side(Path.of(args[0]), text);
        Side after = new Side(Path.of(args[1]), text);
        before.microsPerParse(WARM_UP_SECONDS / 2);
        after.microsPerParse(WARM_UP_SECONDS / 2);
        before.microsPerParse(WARM_UP_SECONDS / 2);
        after.microsPerParse(WARM_UP_SECONDS / 2);
        double[] beforeMicros = new double[rounds];
        double[] afterMicros = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                beforeMicros[r] = before.microsPerParse(seconds);
                afterMicros[r] = after.microsPerParse(seconds);
            } else {
                afterMicros[r] = after.microsPerParse(seconds);
                beforeMicros[r] = before.microsPerParse(seconds);
            }
            ratios[r] = beforeMicros[r] / afterMicros[r];
        }
        Arrays.sort(beforeMicros);
        Arrays.sort(afterMicros);
        Arrays.sort(ratios);
        System.out.printf("copies=%d rounds=%d x %.1f cpu-s: %s median %.1f us/parse (%.0f seed docs/cpu-s, best %.0f),"
                + " %s median %.1f us/parse (%.0f seed docs/cpu-s, best %.0f), speed-up median x%.2f"
                + " (range x%.2f-x%.2f)%n", copies, rounds, seconds,
                before.name, beforeMicros[rounds / 2], copies * 1e6 / beforeMicros[rounds / 2],
                copies * 1e6 / beforeMicros[0],
                after.name, afterMicros[rounds / 2], copies * 1e6 / afterMicros[rounds / 2],
                copies * 1e6 / afterMicros[0], ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
    }
}
