package dev.statecraft.infra.postgres;

import dev.statecraft.infra.ChildProcesses;
import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.ParentWatch;
import dev.statecraft.infra.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the embedded binaries, kept by a child JVM so that it ends with this one.
 * One server holds many databases; each service (and each test app) gets its own.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final Path workDir;
    private final boolean ephemeral;
    private Process process;

    private LocalPostgres(int port, Path workDir, boolean ephemeral, Process process) {
        this.port = port;
        this.workDir = workDir;
        this.ephemeral = ephemeral;
        this.process = process;
    }

    /** A throwaway server on a free port; its data is deleted on close. */
    public static LocalPostgres startEphemeral() {
        try {
            return start(FreePorts.find(), Files.createTempDirectory("postgres-test-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server on {@code port} with its data in {@code workDir/data} (kept unless ephemeral). */
    public static LocalPostgres start(int port, Path workDir, boolean ephemeral) {
        // a kept log holds the READY lines of earlier runs
        int readyLinesBefore = readyLines(workDir);
        LocalPostgres postgres = new LocalPostgres(port, workDir, ephemeral,
                launch(port, workDir, ephemeral ? "clean" : "keep"));
        // one hook for whichever process is current (the server may have been restarted)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ChildProcesses.awaitClientsStopped();
            postgres.close();
        }));
        postgres.awaitReady(readyLinesBefore);
        return postgres;
    }

    private static Process launch(int port, Path workDir, String mode) {
        Process process = ChildProcesses.startJava(RuntimeClasspath.get(), ParentWatch.class.getName(),
                List.of(PostgresMain.class.getName(), String.valueOf(port), workDir.resolve("data").toString(), mode),
                workDir.resolve("postgres.log"), List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        return process;
    }

    /** Stops the server (a clean shutdown), keeping its data, as an outage would. */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    /** Starts a stopped server again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        int readyLinesBefore = readyLines(workDir);
        process = launch(port, workDir, ephemeral ? "resume" : "keep");
        awaitReady(readyLinesBefore);
    }

    public synchronized boolean isAlive() {
        return process.isAlive();
    }


    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        if (ephemeral) {
            ChildProcesses.deleteQuietly(workDir);
        }
    }

    /** Waits until the log has more READY lines than {@code readyLinesBefore} (the log is appended to). */
    private void awaitReady(int readyLinesBefore) {
        Path output = workDir.resolve("postgres.log");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (readyLines(workDir) > readyLinesBefore) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL keeper exited with " + process.exitValue() + ":\n"
                        + ChildProcesses.tail(output, 40));
            }
            ChildProcesses.pause(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException("PostgreSQL did not start within " + STARTUP_TIMEOUT + ":\n"
                + ChildProcesses.tail(output, 40));
    }

    private static int readyLines(Path workDir) {
        Path output = workDir.resolve("postgres.log");
        try {
            return Files.exists(output)
                    ? (int) Files.readAllLines(output, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("READY ")).count()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
