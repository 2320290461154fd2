package dev.statecraft.load.timeline;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.timeline.projection.EntryRow;
import dev.statecraft.timeline.search.SearchVector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A focused micro-benchmark of the rebuild's Java cost per event (the parse threads' work), in process, on one
 * thread: the benchmark's own synthetic events (same generator and seed as the 1M data set) as JSON, then the
 * CPU time per event of each step the rebuild takes (JSON read, search vector with its binary form, JSON
 * write of the stored event, the whole row). Run it with timeline-service's classes of two commits on the
 * classpath, one after the other, to compare them (only the ratio within one session means anything on a
 * shared machine):
 *
 * <pre>java -cp load-tests/target/classes:TIMELINE_JAR_OR_CLASSES:DEPENDENCIES \
 *   dev.statecraft.load.timeline.RowBuildCost LABEL [events] [rounds] [out-file]</pre>
 */
public final class RowBuildCost {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RowBuildCost() {
    }

    public static void main(String[] args) throws IOException {
        String label = args.length > 0 ? args[0] : "this build";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        AnnouncementGenerator generator = new AnnouncementGenerator(42, Instant.parse("2026-01-01T00:00:00Z"));
        List<String> json = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            json.add(AnnouncementJson.write(generator.next()));
        }
        List<Announcement> parsed = json.stream().map(AnnouncementJson::readEvent).toList();
        long[] sink = {0};
        List<String> lines = new ArrayList<>();
        lines.add(String.format("RowBuildCost %s, %s, %d synthetic events x %d rounds (first half warm-up), "
                + "one thread, CPU us per event (median of the measured rounds); load average %s", label,
                Instant.now(), events, rounds, loadAverage()));
        lines.add(step(events, "JSON read", rounds, () -> json.forEach(j -> sink[0] += AnnouncementJson.readEvent(j).revision())));
        lines.add(step(events, "search vector + binary", rounds, () -> parsed.forEach(
                a -> sink[0] += SearchVector.analyse(a.title(), a.bodyText()).binary().length)));
        lines.add(step(events, "JSON write", rounds, () -> parsed.forEach(a -> sink[0] += AnnouncementJson.write(a).length())));
        lines.add(step(events, "EntryRow.of (row, incl. vector + write)", rounds, () -> parsed.forEach(
                a -> sink[0] += EntryRow.of(a).event().length())));
        Consumer<String> whole = j -> {
            EntryRow row = EntryRow.of(AnnouncementJson.readEvent(j));
            sink[0] += row.search().binary().length + row.event().getBytes(StandardCharsets.UTF_8).length;
        };
        lines.add(step(events, "read + row + binary vector + event UTF-8", rounds, () -> json.forEach(whole)));
        lines.add("load average at end " + loadAverage() + " (checksum " + sink[0] + ")");
        lines.forEach(System.out::println);
        if (args.length > 3) {
            Files.write(Path.of(args[3]), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String step(int events, String name, int rounds, Runnable round) {
        long[] cpu = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            round.run();
            cpu[r] = THREADS.getCurrentThreadCpuTime() - start;
        }
        long[] measured = java.util.Arrays.copyOfRange(cpu, rounds / 2, rounds);
        java.util.Arrays.sort(measured);
        return String.format("  %-42s %8.1f us/event (rounds: %s ms)", name,
                measured[measured.length / 2] / 1000.0 / events, java.util.Arrays.toString(
                        java.util.Arrays.stream(cpu).map(c -> c / 1_000_000).toArray()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
