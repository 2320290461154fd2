package dev.statecraft.infra.kafka;

import dev.statecraft.infra.ChildProcesses;
import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.ParentWatch;
import dev.statecraft.infra.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller) running as a child JVM from the
 * Maven Central artifacts this module was built with. Used by the tests (random port, fresh log dir) and by
 * the local run (port 9092, a kept log dir).
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path workDir;
    private final boolean ephemeral;
    private Process process;

    private KafkaBroker(int port, Path workDir, boolean ephemeral) {
        this.port = port;
        this.workDir = workDir;
        this.ephemeral = ephemeral;
    }

    /** A throwaway broker: free port, fresh log dir deleted on close. */
    public static KafkaBroker startEphemeral() {
        try {
            return start(FreePorts.find(), Files.createTempDirectory("kafka-test-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker on {@code port} working in {@code workDir}: its data in {@code data/} (formatted first
     * if new), its config in {@code server.properties}, its output in {@code broker.log}. An ephemeral broker
     * deletes the whole dir when closed.
     */
    public static KafkaBroker start(int port, Path workDir, boolean ephemeral) {
        try {
            Path logDir = workDir.resolve("data");
            Files.createDirectories(logDir);
            Path config = workDir.resolve("server.properties");
            writeConfig(config, port, FreePorts.find(), logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config, workDir);
            }
            KafkaBroker broker = new KafkaBroker(port, workDir, ephemeral);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void launch() {
        Path output = workDir.resolve("broker.log");
        process = ChildProcesses.startJava(classpath(), ParentWatch.class.getName(),
                List.of("kafka.Kafka", workDir.resolve("server.properties").toString()), output, brokerJvmOptions());
        if (ephemeral) {
            ChildProcesses.stopOnExit(process, workDir);
        } else {
            ChildProcesses.stopOnExit(process);
        }
        awaitReady(output);
    }

    /** Stops the broker, keeping its data, as an outage would. */
    public synchronized void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    /** Starts a stopped broker again on the same ports with the same data. */
    public synchronized void restart() {
        stop();
        launch();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }


    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        stop();
        if (ephemeral) {
            ChildProcesses.deleteQuietly(workDir);
        }
    }

    private void awaitReady(Path output) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + output
                        + ":\n" + ChildProcesses.tail(output, 40));
            }
            if (answers(port)) {
                return;
            }
            ChildProcesses.pause(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException("Kafka broker did not open port " + port + " within " + STARTUP_TIMEOUT
                + "; see " + output + ":\n" + ChildProcesses.tail(output, 40));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void format(Path config, Path workDir) throws IOException {
        Path output = workDir.resolve("format.log");
        Process format = ChildProcesses.startJava(classpath(), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), output,
                brokerJvmOptions());
        int exit = ChildProcesses.waitFor(format, Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed (" + exit + "):\n"
                    + ChildProcesses.tail(output, 40));
        }
        ChildProcesses.deleteQuietly(output);
    }

    private static void writeConfig(Path file, int port, int controllerPort, Path logDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        // One node: internal topics cannot be replicated, and small ones come up faster.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "written by KafkaBroker");
        }
    }

    private static List<String> brokerJvmOptions() {
        return List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info");
    }

    /**
     * The broker's classpath, written at build time (the provided-scope broker, which shares kafka-clients with
     * this module's runtime), plus this module's own classes for ParentWatch.
     */
    static String classpath() {
        return RuntimeClasspath.get() + java.io.File.pathSeparator
                + RuntimeClasspath.read(KafkaBroker.class, "broker-classpath.txt");
    }
}
