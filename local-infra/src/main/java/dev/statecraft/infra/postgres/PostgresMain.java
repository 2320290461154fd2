package dev.statecraft.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps a PostgreSQL server (real binaries from Maven Central) for as long as this JVM lives; run under
 * {@link dev.statecraft.infra.ParentWatch} so that it ends with its parent. Prints {@code READY} once the
 * server answers. Arguments: port, data dir, and "clean" (a fresh, throwaway data dir), "resume" (the throwaway
 * data dir of a server that was stopped and is started again) or "keep" (data that must survive, fsync on).
 */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        boolean throwaway = !"keep".equals(args[2]);
        if ("clean".equals(args[2])) {
            // cleaned here rather than by the library, which would also delete the data when the server stops
            dev.statecraft.infra.ChildProcesses.deleteQuietly(dataDir);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", throwaway ? "off" : "on")
                // No streaming replica or WAL archive reads these servers, so WAL need only serve crash recovery:
                // every CREATE INDEX (the timeline rebuild's primary key and 10 index builds) then writes no WAL,
                // the index file is synced at commit instead (timeline-service README, rebuild). Needs
                // max_wal_senders=0. docker-compose's timeline-db does the same.
                .setServerConfig("wal_level", "minimal")
                .setServerConfig("max_wal_senders", "0")
                // A bulk load (the timeline rebuild COPYs ~4 GB of rows at 1M) otherwise fills the default 1 GB of
                // WAL every few seconds: each requested checkpoint flushes the dirty buffers and makes the next
                // change of every page write a full-page image (8 checkpoints, 152,000 images per 1M rebuild,
                // timeline-1m.txt section 20). WAL is only kept up to this much, on a disk that has room for it;
                // crash recovery replays at most this much. docker-compose's timeline-db does the same.
                .setServerConfig("max_wal_size", "16GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("log_min_messages", "warning")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending anyway
            }
        }));
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
