package dev.statecraft.timeline.rebuild;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.support.concurrent.DaemonThreads;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.timeline.projection.EntryRow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads the topic from offset 0 up to the end offsets captured at the start and COPYs it into the rebuilt
 * table. Three stages: one thread polls Kafka, a pool turns each poll into binary COPY tuples (JSON parse, the
 * row with its derived columns from {@link EntryRow}, the same code the live projection uses, in
 * {@link CopyBinary}'s form), and the calling thread writes them in poll order. The revision rule is kept without
 * an index while loading: the first record of an id goes into the rebuilt table, every later one (a newer or an
 * older revision, or a replay) into the staging table, which {@link ProjectionRebuild} merges in afterwards with
 * the upsert's rule (highest revision wins). An unreadable record is skipped and counted, as the live projection dead-letters it.
 */
final class BulkLoad {
    private static final Logger LOG = Logger.getLogger(BulkLoad.class);
    /**
     * Rows per COPY statement (and transaction): bounds how long one transaction stays open and how many lines
     * are kept to send again when PostgreSQL rejects one of them.
     */
    private static final int ROWS_PER_COPY = 10_000;
    /** The line PostgreSQL names in the context of an error inside a COPY ("COPY t, line 3, column x: ..."). */
    private static final Pattern COPY_LINE = Pattern.compile("^COPY \\S+, line (\\d+)");
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private record Line(String id, byte[] bytes, String topic, int partition, long offset) {
        String coordinates() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private static final Future<List<Line>> END = CompletableFuture.completedFuture(List.of());

    private final String bootstrapServers;
    private final int pollSize;
    private final int parseThreads;
    private final Progress progress;

    BulkLoad(String bootstrapServers, int pollSize, int parseThreads, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.pollSize = pollSize;
        this.parseThreads = parseThreads;
        this.progress = progress;
    }

    /** Loads into {@code table} on {@code target} and the later revisions into {@code staging} on {@code other}. */
    void load(Connection target, String table, Connection other, String staging) throws Exception {
        Instant appliedAt = Instant.now();
        ExecutorService parsers = Executors.newFixedThreadPool(parseThreads,
                DaemonThreads.numbered("projection-rebuild-parse"));
        ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("projection-rebuild-read"));
        // Bounded: the reader waits when parsing or writing falls behind, so memory stays at a few polls.
        BlockingQueue<Future<List<Line>>> polls = new ArrayBlockingQueue<>(4 * parseThreads);
        SeenIds seen = new SeenIds();
        try (CopyStream first = new CopyStream(target, table, progress);
                CopyStream later = new CopyStream(other, staging, progress)) {
            Future<?> reading = reader.submit(() -> {
                readTopic(parsers, polls, appliedAt);
                return null;
            });
            while (true) {
                Future<List<Line>> poll = polls.poll(1, TimeUnit.SECONDS);
                if (poll == null) {
                    if (reading.isDone()) {
                        reading.get(); // the reader failed (or ended without its END, which cannot happen)
                        throw new IllegalStateException("the topic reader stopped early");
                    }
                    continue;
                }
                if (poll == END) {
                    break;
                }
                for (Line line : poll.get()) {
                    (seen.add(line.id()) ? first : later).write(line);
                }
            }
            reading.get();
            first.finish();
            later.finish();
            LOG.infof("projection rebuild: %d rows copied into %s, %d later revisions into %s", first.rows(), table,
                    later.rows(), staging);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reader.shutdownNow();
            parsers.shutdownNow();
        }
    }

    private void readTopic(ExecutorService parsers, BlockingQueue<Future<List<Line>>> polls, Instant appliedAt)
            throws InterruptedException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, pollSize,
                // Reading everything: larger fetches, fewer round trips (the default is 1 MB per partition).
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20,
                ConsumerConfig.CLIENT_ID_CONFIG, "timeline-service-rebuild");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            String topic = AnnouncementEvents.TOPIC;
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long endTotal = end.values().stream().mapToLong(Long::longValue).sum();
            long toRead = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            progress.endOffsets(endTotal, toRead);
            LOG.infof("projection rebuild: %d partitions, end offsets total %d, at most %d records to read, %d parse "
                    + "threads", partitions.size(), endTotal, toRead, parseThreads);
            Instant lastLog = Instant.now();
            Map<TopicPartition, Long> position = new HashMap<>(begin);
            while (partitions.stream().anyMatch(p -> position.get(p) < end.get(p))) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record); // later ones arrived after the start: the switch carries them over
                    }
                }
                if (!batch.isEmpty()) {
                    polls.put(parsers.submit(() -> lines(batch, appliedAt)));
                }
                for (TopicPartition p : partitions) {
                    position.put(p, Math.min(consumer.position(p), end.get(p)));
                }
                progress.lag(partitions.stream().mapToLong(p -> end.get(p) - position.get(p)).sum());
                if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                    lastLog = Instant.now();
                    Progress.View v = progress.view();
                    LOG.infof("projection rebuild: %d records read, lag %d, %.1f/s, eta %s s", v.recordsRead(),
                            v.lag(), v.ratePerSecond(), v.etaSeconds());
                }
            }
        }
        polls.put(END);
    }

    /** A poll's records as binary COPY tuples; unreadable ones are skipped and counted. */
    private List<Line> lines(List<ConsumerRecord<String, String>> records, Instant appliedAt) {
        List<Line> lines = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                Announcement a = AnnouncementRecords.read(record);
                lines.add(new Line(a.id(), CopyBinary.tuple(EntryRow.of(a), appliedAt), record.topic(),
                        record.partition(), record.offset()));
                progress.read();
            } catch (RuntimeException e) {
                // The live projection sent this record to the dead letters; a rebuild skips it the same way.
                progress.skipped();
                LOG.warnf("projection rebuild: skipping unreadable record %s: %s",
                        AnnouncementRecords.coordinates(record), e.getMessage());
            }
        }
        return lines;
    }

    /**
     * COPY into one table, a new statement (own transaction, autocommit) every {@link #ROWS_PER_COPY} rows. The
     * lines of the statement are kept until it commits: when PostgreSQL rejects a row (a value it cannot store,
     * which the live projection would have dead-lettered), the statement is rolled back, that row is left out and
     * counted as skipped, and the others are sent again, so one bad record never fails the rebuild.
     */
    private static final class CopyStream implements AutoCloseable {
        private final PGConnection connection;
        private final String sql;
        private final Progress progress;
        private final List<Line> statement = new ArrayList<>(ROWS_PER_COPY);
        private PGCopyOutputStream out;
        private long rows;

        CopyStream(Connection c, String table, Progress progress) throws SQLException {
            this.connection = c.unwrap(PGConnection.class);
            this.sql = "copy " + table + " (" + String.join(", ", EntryRow.COLUMNS)
                    + ", applied_at) from stdin (format binary)";
            this.progress = progress;
        }

        void write(Line line) throws SQLException, IOException {
            statement.add(line);
            try {
                stream().write(line.bytes());
            } catch (IOException e) {
                recover(e);
            }
            if (statement.size() >= ROWS_PER_COPY) {
                finish();
            }
        }

        long rows() {
            return rows;
        }

        void finish() throws SQLException, IOException {
            while (out != null) {
                try {
                    out.write(CopyBinary.TRAILER);
                    out.close(); // ends the COPY: its rows commit
                    out = null;
                    rows += statement.size();
                    statement.clear();
                } catch (IOException e) {
                    recover(e);
                }
            }
        }

        private PGCopyOutputStream stream() throws SQLException, IOException {
            if (out == null) {
                out = new PGCopyOutputStream(connection, sql, 1 << 16);
                out.write(CopyBinary.HEADER);
            }
            return out;
        }

        /** After a failed COPY: leave out the row PostgreSQL rejected and send the others again, else rethrow. */
        private void recover(IOException failure) throws SQLException, IOException {
            IOException e = failure;
            while (true) {
                close();
                int line = rejectedLine(e);
                if (line < 1 || line > statement.size()) {
                    throw e;
                }
                Line rejected = statement.remove(line - 1);
                progress.rejected();
                LOG.warnf("projection rebuild: skipping record %s of announcement %s, which PostgreSQL cannot store:"
                        + " %s", rejected.coordinates(), rejected.id(), reason(e));
                try {
                    for (Line again : statement) {
                        stream().write(again.bytes());
                    }
                    return;
                } catch (IOException next) {
                    e = next;
                }
            }
        }

        /** Cancels a COPY still open (after a failure), so the connection can be used and returned. */
        @Override
        public void close() throws SQLException {
            if (out != null && out.isActive()) {
                out.cancelCopy();
            }
            out = null;
        }
    }

    /**
     * The 1-based line of the COPY a row-level error names (a data exception, a constraint, a value over a limit
     * such as a too long tsvector), 0 for any other failure (connection, disk, lock), which stands.
     */
    static int rejectedLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage error = p.getServerErrorMessage();
                String state = error.getSQLState() == null ? "" : error.getSQLState();
                if (!(state.startsWith("22") || state.startsWith("23") || state.equals("54000"))) {
                    return 0;
                }
                Matcher m = COPY_LINE.matcher(error.getWhere() == null ? "" : error.getWhere());
                return m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
        }
        return 0;
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage().getSQLState() + " " + p.getServerErrorMessage().getMessage();
            }
        }
        return String.valueOf(e);
    }
}
