package dev.statecraft.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of the PostgreSQL keeper JVM: starts the embedded server (real binaries from Maven Central),
 * prints {@code READY}, and stops the server when its standard input closes, that is when the parent
 * JVM ends in any way. Arguments: port, data dir, "clean" or "keep".
 */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws IOException {
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
        System.out.println("READY " + port);
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for end of stream
            }
        } catch (IOException ignored) {
            // same as end of stream
        }
        postgres.close();
        System.exit(0);
    }
}
