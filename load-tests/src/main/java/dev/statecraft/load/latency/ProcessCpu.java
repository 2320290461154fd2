package dev.statecraft.load.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of every process of the benchmark (this JVM = load client + webhook receiver, the three services, Kafka,
 * PostgreSQL), read from Linux's {@code /proc}, and of the JIT compiler threads and the VM thread (where the Serial
 * collector runs) of each JVM. Two snapshots around a phase say how much CPU each part took per announcement and
 * whether the JVMs were still compiling while it was measured (warm-up not finished). Clock ticks are 10 ms. A thread
 * that ends takes its CPU with it: the JVM adds and removes compiler threads by demand, so a phase's JIT figure can come
 * out low, even negative (seen for Kafka's C1-only JVM); the services' two compiler threads stay.
 */
final class ProcessCpu {
    /** Parts in report order; {@code client} is this JVM. */
    static final List<String> PARTS = List.of("ingest", "notify", "timeline", "client", "kafka", "postgres");
    private static final double TICK_MILLIS = 10;

    /** Milliseconds of CPU per part: the whole process(es), its JIT compiler threads, its VM thread. */
    record Usage(double total, double jit, double vmThread) {
        Usage plus(Usage o) {
            return new Usage(total + o.total, jit + o.jit, vmThread + o.vmThread);
        }

        Usage minus(Usage o) {
            return new Usage(total - o.total, jit - o.jit, vmThread - o.vmThread);
        }
    }

    private ProcessCpu() {
    }

    /**
     * CPU used so far by each part that is running (processes that have ended are not counted). PostgreSQL detaches
     * from this JVM: its server is the {@code postgres} process listening on {@code postgresPort}, with its children.
     */
    static Map<String, Usage> snapshot(int postgresPort) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        add(usage, "client", ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(p -> {
            String part = partOf(p);
            if (part != null) {
                add(usage, part, p);
            }
        });
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("/postgres")
                        && (" " + p.info().commandLine().orElse("") + " ").contains(" -p " + postgresPort + " "))
                .forEach(server -> {
                    add(usage, "postgres", server);
                    server.descendants().forEach(backend -> add(usage, "postgres", backend));
                });
        return usage;
    }

    static Map<String, Usage> difference(Map<String, Usage> after, Map<String, Usage> before) {
        Map<String, Usage> diff = new LinkedHashMap<>();
        for (String part : PARTS) {
            Usage a = after.get(part);
            if (a != null) {
                diff.put(part, a.minus(before.getOrDefault(part, new Usage(0, 0, 0))));
            }
        }
        return diff;
    }

    /** One report line per kind of time: CPU per announcement, and the JIT and VM-thread milliseconds of the phase. */
    static String describe(Map<String, Usage> used, int announcements, double wallSeconds) {
        StringBuilder perAnnouncement = new StringBuilder();
        StringBuilder jit = new StringBuilder();
        double sum = 0;
        for (Map.Entry<String, Usage> e : used.entrySet()) {
            Usage u = e.getValue();
            sum += u.total();
            perAnnouncement.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), u.total() / announcements));
            if (!"postgres".equals(e.getKey())) {
                jit.append(String.format(Locale.ROOT, " %s %.0f/%.0f", e.getKey(), u.jit(), u.vmThread()));
            }
        }
        return String.format(Locale.ROOT, "    %-40s%s; all %.2f (%.2f cores over %.0f s)%n", "CPU ms per announcement",
                perAnnouncement, sum / announcements, sum / 1000 / wallSeconds, wallSeconds)
                + String.format(Locale.ROOT, "    %-40s%s%n", "JIT compiler / VM thread CPU ms", jit);
    }

    private static String partOf(ProcessHandle p) {
        String command = p.info().commandLine().orElse("");
        for (String service : List.of("ingest", "notify", "timeline")) {
            if (command.contains(service + "-service/target/quarkus-app")) {
                return service;
            }
        }
        String executable = p.info().command().orElse("");
        if (executable.endsWith("/java") && command.contains("kafka")) {
            return "kafka";
        }
        return null;
    }

    private static void add(Map<String, Usage> usage, String part, ProcessHandle p) {
        Usage u = read(p.pid());
        if (u != null) {
            usage.merge(part, u, Usage::plus);
        }
    }

    private static Usage read(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            double total = ticks(Files.readString(proc.resolve("stat")));
            double jit = 0;
            double vm = 0;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    String name;
                    String stat;
                    try {
                        name = Files.readString(task.resolve("comm")).trim();
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue;
                    }
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += ticks(stat);
                    } else if (name.equals("VM Thread")) {
                        vm += ticks(stat);
                    }
                }
            }
            return new Usage(total * TICK_MILLIS, jit * TICK_MILLIS, vm * TICK_MILLIS);
        } catch (IOException | RuntimeException ended) {
            return null;
        }
    }

    /** utime + stime of a {@code /proc/.../stat} line (fields 14 and 15; the name in parentheses may hold spaces). */
    private static double ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
    }
}
