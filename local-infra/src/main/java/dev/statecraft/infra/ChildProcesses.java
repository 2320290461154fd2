package dev.statecraft.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** Starting and ending the child processes the local infrastructure is made of. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /**
     * Starts {@code mainClass} in a new JVM. Its stdin stays a pipe held by this JVM: children that watch it
     * (see {@link ParentWatch}) end when this JVM ends, however it ends.
     */
    public static Process startJava(String classpath, String mainClass, List<String> args, Path output,
            List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return start(command, Map.of(), output);
    }

    public static Process start(List<String> command, Map<String, String> env, Path output) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clients of the servers below (the services): stopped first when this JVM exits. */
    private static final List<Process> CLIENTS = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean CLIENTS_HOOKED = new AtomicBoolean();
    private static final CountDownLatch CLIENTS_STOPPED = new CountDownLatch(1);

    /**
     * Ends a server child (a broker) when this JVM exits normally, after the {@link #stopClientOnExit clients}:
     * shutdown hooks run at the same time, and a service still leaving its consumer group needs the broker (a
     * member that cannot say goodbye stays in the group, and the next start waits out its session timeout).
     * Abnormal exits are covered by the stdin pipe.
     */
    public static void stopOnExit(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitClientsStopped();
            stop(process, Duration.ofSeconds(10));
        }));
    }

    /** Same, then deletes the child's scratch directory. */
    public static void stopOnExit(Process process, Path scratch) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitClientsStopped();
            stop(process, Duration.ofSeconds(10));
            deleteQuietly(scratch);
        }));
    }

    /** Ends a client child (a service) when this JVM exits normally, before the servers. */
    public static void stopClientOnExit(Process process) {
        CLIENTS.add(process);
        // a JVM that starts and stops services many times (a test run) would otherwise keep every dead one
        process.onExit().thenRun(() -> CLIENTS.remove(process));
        if (CLIENTS_HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    CLIENTS.forEach(Process::destroy);
                    CLIENTS.forEach(p -> stop(p, Duration.ofSeconds(15)));
                } finally {
                    CLIENTS_STOPPED.countDown();
                }
            }, "stop-clients"));
        }
    }

    static boolean isStoppedOnExit(Process client) {
        return CLIENTS.contains(client);
    }

    /** In a shutdown hook of a server: returns once the clients' hook has stopped them (or at once if none). */
    public static void awaitClientsStopped() {
        if (!CLIENTS_HOOKED.get()) {
            return;
        }
        try {
            CLIENTS_STOPPED.await(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks politely (SIGTERM), then forcibly once {@code grace} has passed. */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temp dir left behind is not worth failing a test run
        }
    }

    /** The jar or classes directory a class was loaded from. */
    public static String codeLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
