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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Reads the topic from offset 0 up to the end offsets captured at the start and COPYs it into the rebuilt
 * table. Three stages: one thread polls Kafka, a pool turns each poll into COPY lines (JSON parse, the row with
 * its derived columns from {@link EntryRow}, the same code the live projection uses), and the calling thread
 * writes the lines in poll order. The revision rule is kept without an index while loading: the first record of
 * an id goes into the rebuilt table, every later one (a newer or an older revision, or a replay) into the
 * staging table, which {@link ProjectionRebuild} merges in afterwards with the upsert's rule (highest revision
 * wins). An unreadable record is skipped and counted, as the live projection dead-letters it.
 */
final class BulkLoad {
    private static final Logger LOG = Logger.getLogger(BulkLoad.class);
    /** Rows per COPY statement (and transaction): bounds how long one transaction stays open. */
    private static final int ROWS_PER_COPY = 50_000;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private record Line(String id, byte[] bytes) {
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
        String appliedAt = Instant.now().toString();
        ExecutorService parsers = Executors.newFixedThreadPool(parseThreads,
                DaemonThreads.numbered("projection-rebuild-parse"));
        ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("projection-rebuild-read"));
        // Bounded: the reader waits when parsing or writing falls behind, so memory stays at a few polls.
        BlockingQueue<Future<List<Line>>> polls = new ArrayBlockingQueue<>(4 * parseThreads);
        SeenIds seen = new SeenIds();
        try (CopyStream first = new CopyStream(target, table); CopyStream later = new CopyStream(other, staging)) {
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
                    (seen.add(line.id()) ? first : later).write(line.bytes());
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

    private void readTopic(ExecutorService parsers, BlockingQueue<Future<List<Line>>> polls, String appliedAt)
            throws InterruptedException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, pollSize,
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

    /** A poll's records as COPY lines; unreadable ones are skipped and counted. */
    private List<Line> lines(List<ConsumerRecord<String, String>> records, String appliedAt) {
        List<Line> lines = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                Announcement a = AnnouncementRecords.read(record);
                lines.add(new Line(a.id(), CopyText.line(EntryRow.of(a), appliedAt)));
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

    /** COPY into one table, a new statement (own transaction, autocommit) every {@link #ROWS_PER_COPY} rows. */
    private static final class CopyStream implements AutoCloseable {
        private final PGConnection connection;
        private final String sql;
        private PGCopyOutputStream out;
        private long rows;

        CopyStream(Connection c, String table) throws SQLException {
            this.connection = c.unwrap(PGConnection.class);
            this.sql = "copy " + table + " (" + String.join(", ", EntryRow.COLUMNS) + ", applied_at) from stdin";
        }

        void write(byte[] line) throws SQLException, IOException {
            if (out == null) {
                out = new PGCopyOutputStream(connection, sql, 1 << 16);
            }
            out.write(line);
            if (++rows % ROWS_PER_COPY == 0) {
                finish();
            }
        }

        long rows() {
            return rows;
        }

        void finish() throws IOException {
            if (out != null) {
                out.close(); // ends the COPY: its rows commit
                out = null;
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
}
