package dev.statecraft.infra.local;

import dev.statecraft.infra.ChildProcesses;
import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.ParentWatch;
import dev.statecraft.infra.kafka.KafkaBroker;
import dev.statecraft.infra.postgres.LocalPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as separate processes on this machine: a Kafka broker, PostgreSQL with one database per
 * service, and the three packaged services. Used by the local run and by the end-to-end tests.
 */
public final class LocalSystem implements AutoCloseable {
    public static final List<String> SERVICES = List.of("ingest", "timeline", "notify");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5); // a busy shared machine starts slowly

    /**
     * Where and how to run. {@code ports} maps each service name to its HTTP port; {@code extraEnv} is given to
     * every service (for example to let webhooks reach a receiver on loopback in tests).
     */
    public record Options(Path projectRoot, Path workDir, boolean ephemeral, int kafkaPort, int postgresPort,
            Map<String, Integer> ports, Map<String, String> extraEnv) {
    }

    private final Options options;
    private final KafkaBroker broker;
    private final LocalPostgres postgres;
    private final Map<String, Process> services = new LinkedHashMap<>();

    private LocalSystem(Options options, KafkaBroker broker, LocalPostgres postgres) {
        this.options = options;
        this.broker = broker;
        this.postgres = postgres;
    }

    public static LocalSystem start(Options options) {
        LocalPostgres postgres = LocalPostgres.start(options.postgresPort(), options.workDir().resolve("postgres"),
                options.ephemeral());
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(options.kafkaPort(), options.workDir().resolve("kafka"), options.ephemeral());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        LocalSystem system = new LocalSystem(options, broker, postgres);
        try {
            for (String service : SERVICES) {
                postgres.createDatabase(service);
            }
            for (String service : SERVICES) {
                system.startService(service);
            }
            for (String service : SERVICES) {
                system.awaitReady(service);
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * The whole system on free ports with throwaway data (deleted on close), for tests and load tools.
     * {@code extraEnv} is given to every service.
     */
    public static LocalSystem startEphemeral(Path projectRoot, Map<String, String> extraEnv) {
        try {
            return start(new Options(projectRoot, Files.createTempDirectory("statecraft-system-"), true,
                    FreePorts.find(), FreePorts.find(),
                    Map.of("ingest", FreePorts.find(), "timeline", FreePorts.find(), "notify", FreePorts.find()),
                    extraEnv));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + options.ports().get(service);
    }

    public Path logFile(String service) {
        return options.workDir().resolve("logs").resolve(service + "-service.log");
    }

    /** Starts (or starts again) one service with the same configuration. */
    public synchronized void startService(String service) {
        Path jar = options.projectRoot().resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        String prefix = service.toUpperCase();
        Map<String, String> env = new HashMap<>(options.extraEnv());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(options.ports().get(service)));
        env.put(prefix + "_DB_URL", postgres.jdbcUrl(service));
        env.put(prefix + "_DB_USER", LocalPostgres.USER);
        env.put(prefix + "_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaExecutable()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", jar + File.pathSeparator + ChildProcesses.codeLocation(ParentWatch.class),
                ParentWatch.class.getName(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        Process process = ChildProcesses.start(command, env, logFile(service));
        ChildProcesses.stopClientOnExit(process);
        services.put(service, process);
    }

    /**
     * The services' JVM options; {@code STATECRAFT_SERVICE_JVM_OPTIONS} (space-separated) replaces them, so that a
     * benchmark can measure other settings against these without a rebuild.
     */
    static List<String> jvmOptions() {
        String replaced = System.getenv("STATECRAFT_SERVICE_JVM_OPTIONS");
        if (replaced != null && !replaced.isBlank()) {
            return List.of(replaced.trim().split("\\s+"));
        }
        // MetaspaceSize: a service's metaspace grows to ~75 MB as it warms up, and a crossing of the default 21 MB
        // high-water mark can be a full, stop-the-world GC (GC log of a latency run at load 22-42: three at start-up
        // in each service and one of 1.6 s in the middle of the measurement); a mark above that size avoids them.
        return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:MetaspaceSize=128m");
    }

    /** Ends one service at once, as {@code kill -9} does: no shutdown hooks, no clean-up. */
    public synchronized void killService(String service) {
        Process process = services.get(service);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a service again (after {@link #killService}) and waits until it is ready. */
    public void restartService(String service) {
        startService(service);
        awaitReady(service);
    }

    public synchronized boolean isRunning(String service) {
        Process process = services.get(service);
        return process != null && process.isAlive();
    }

    /** Stops the Kafka broker, keeping its data, as an outage would; {@link #startBroker()} brings it back. */
    public void stopBroker() {
        broker.stop();
    }

    public void startBroker() {
        broker.restart();
    }

    /** Stops PostgreSQL (every service's database), keeping the data; {@link #startPostgres()} brings it back. */
    public void stopPostgres() {
        postgres.stop();
    }

    public void startPostgres() {
        postgres.restart();
    }

    public void awaitReady(String service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(url(service) + "/q/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process process = services.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service + "-service exited with " + process.exitValue() + ":\n"
                        + ChildProcesses.tail(logFile(service), 60));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ChildProcesses.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service + "-service was not ready within " + READY_TIMEOUT + ":\n"
                + ChildProcesses.tail(logFile(service), 60));
    }

    @Override
    public synchronized void close() {
        services.values().forEach(p -> ChildProcesses.stop(p, Duration.ofSeconds(15)));
        broker.close();
        postgres.close();
        if (options.ephemeral()) {
            ChildProcesses.deleteQuietly(options.workDir());
        }
    }
}
