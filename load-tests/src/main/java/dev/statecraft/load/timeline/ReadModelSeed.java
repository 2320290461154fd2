package dev.statecraft.load.timeline;

import dev.statecraft.model.Announcement;
import dev.statecraft.timeline.projection.EntryRow;
import dev.statecraft.timeline.rebuild.CopyText;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills {@code timeline_entry} with the generator's announcements straight through COPY, for measuring the
 * read side at 1M rows without projecting a million events first: the rows are exactly what the projection
 * would store for the newest revision of each generated announcement (the generator is run twice with the same
 * seed: the first pass finds the revised ids, the second writes revision 2 for those and revision 1 for the
 * rest). Each row is timeline-service's own {@link EntryRow} (derived columns included: the search vector and
 * the mentioned dates as the projection computes them) in its rebuild's COPY text ({@link CopyText}), so a seeded
 * row equals a projected one. Secondary indexes are dropped for the load and built afterwards, two at a time;
 * two connections COPY in parallel; then VACUUM ANALYZE. The table must exist (Flyway) and nothing else may write to it meanwhile (the service is stopped).
 */
final class ReadModelSeed {
    private static final String COLUMNS = String.join(", ", EntryRow.COLUMNS) + ", applied_at";
    private static final int ROWS_PER_CHUNK = 500;
    private static final byte[] END = new byte[0];

    private ReadModelSeed() {
    }

    /** Loads {@code events} generated events (seed 42, as the produce phase); reports each step to {@code note}. */
    static void load(Supplier<Connection> connections, long events, Instant end, Consumer<String> note)
            throws Exception {
        long started = System.nanoTime();
        Set<String> revised = new HashSet<>();
        AnnouncementGenerator first = new AnnouncementGenerator(42, end);
        for (long i = 0; i < events; i++) {
            Announcement a = first.next();
            if (a.revision() > 1) {
                revised.add(a.id());
            }
        }
        note.accept(String.format("seed: %d events = %d announcements + %d revisions (first pass %.1f s)", events,
                first.announcements(), revised.size(), seconds(started)));

        List<String> indexes = new ArrayList<>();
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            s.execute("truncate timeline_entry");
            try (ResultSet rs = s.executeQuery("select indexrelid::regclass::text, pg_get_indexdef(indexrelid),"
                    + " indisprimary from pg_index where indrelid = 'timeline_entry'::regclass")) {
                List<String[]> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "pk" : ""});
                }
                for (String[] index : found) {
                    if (index[2].equals("pk")) {
                        s.execute("alter table timeline_entry drop constraint " + index[0]);
                        indexes.add("alter table timeline_entry add constraint " + index[0] + " primary key (id)");
                    } else {
                        s.execute("drop index " + index[0]);
                        indexes.add(index[1]);
                    }
                }
            }
        }

        long copyStarted = System.nanoTime();
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(64);
        ExecutorService copiers = Executors.newFixedThreadPool(2);
        List<Future<Long>> copied = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            copied.add(copiers.submit(() -> copy(connections, chunks)));
        }
        AnnouncementGenerator second = new AnnouncementGenerator(42, end);
        String appliedAt = Instant.now().toString();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(ROWS_PER_CHUNK * 4096);
        int inChunk = 0;
        long rows = 0;
        for (long i = 0; i < events; i++) {
            Announcement a = second.next();
            if (a.revision() == 1 && revised.contains(a.id())) {
                continue; // its revision 2 is the row the projection keeps
            }
            chunk.writeBytes(CopyText.line(EntryRow.of(a), appliedAt));
            rows++;
            if (++inChunk == ROWS_PER_CHUNK) {
                hand(chunks, chunk.toByteArray(), copied);
                chunk.reset();
                inChunk = 0;
            }
        }
        hand(chunks, chunk.toByteArray(), copied);
        hand(chunks, END, copied);
        hand(chunks, END, copied);
        long written = 0;
        for (Future<Long> f : copied) {
            written += f.get();
        }
        copiers.shutdown();
        double copySeconds = seconds(copyStarted);
        note.accept(String.format("seed: COPY of %d rows (%d generated) on 2 connections, no secondary index:"
                + " %.1f s (%.0f rows/s)", written, rows, copySeconds, written / copySeconds));

        long indexStarted = System.nanoTime();
        ExecutorService builders = Executors.newFixedThreadPool(2);
        List<Future<?>> built = new ArrayList<>();
        for (String ddl : indexes) {
            built.add(builders.submit(() -> {
                try (Connection c = connections.get(); Statement s = c.createStatement()) {
                    s.execute("set maintenance_work_mem = '512MB'");
                    s.execute(ddl);
                }
                return null;
            }));
        }
        for (Future<?> f : built) {
            f.get();
        }
        builders.shutdown();
        note.accept(String.format("seed: %d indexes (incl. the primary key) built after the load, two at a time:"
                + " %.1f s", indexes.size(), seconds(indexStarted)));
        long vacuumStarted = System.nanoTime();
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze timeline_entry");
        }
        note.accept(String.format("seed: vacuum analyze %.1f s; total %.1f s", seconds(vacuumStarted),
                seconds(started)));
    }

    /** Queues a chunk for the copiers; a copier that ended early (it failed) ends the load with its error. */
    private static void hand(BlockingQueue<byte[]> chunks, byte[] chunk, List<Future<Long>> copiers)
            throws Exception {
        while (!chunks.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            for (Future<Long> f : copiers) {
                if (f.isDone()) {
                    f.get();
                    throw new IllegalStateException("a COPY connection ended before the end of the data");
                }
            }
        }
    }

    private static long copy(Supplier<Connection> connections, BlockingQueue<byte[]> chunks) throws Exception {
        try (Connection c = connections.get()) {
            try (Statement s = c.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy timeline_entry (" + COLUMNS + ") from stdin");
            for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                in.writeToCopy(chunk, 0, chunk.length);
            }
            return in.endCopy();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
