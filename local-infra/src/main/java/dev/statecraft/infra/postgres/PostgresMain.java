package dev.statecraft.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps a PostgreSQL server (real binaries from Maven Central) for as long as this JVM lives; run under
 * {@link dev.statecraft.infra.ParentWatch} so that it ends with its parent. Prints {@code READY} once the
 * server answers. Arguments: port, data dir, "clean" or "keep".
 */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        boolean clean = "clean".equals(args[2]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", clean ? "off" : "on")
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
