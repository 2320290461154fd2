package dev.statecraft.load.drill;

import dev.statecraft.infra.local.LocalSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The faults of the drill, each at its point of the stream (by announcements sent): poison records, then
 * {@code kill -9} of each service followed by a restart, the broker stopped for a while, PostgreSQL stopped
 * for 30 s. One at a time; each waits until the system is back before the next.
 */
final class Faults {
    static final Duration BROKER_DOWN = Duration.ofSeconds(10);
    static final Duration POSTGRES_DOWN = Duration.ofSeconds(30);

    private final LocalSystem system;
    private final SteadyPoster poster;
    private final int count;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    Faults(LocalSystem system, SteadyPoster poster, int count) {
        this.system = system;
        this.poster = poster;
        this.count = count;
    }

    List<String> log() {
        return List.copyOf(log);
    }

    void run(Runnable injectPoison) {
        try {
            at(0.05, "poison records written to the topic", injectPoison);
            for (String service : List.of("ingest", "timeline", "notify")) {
                at(service.equals("ingest") ? 0.10 : service.equals("timeline") ? 0.25 : 0.40,
                        "kill -9 " + service + "-service, restarted", () -> {
                            system.killService(service);
                            system.restartService(service);
                        });
            }
            at(0.55, "Kafka broker stopped for " + BROKER_DOWN.toSeconds() + " s, restarted", () -> {
                system.stopBroker();
                pause(BROKER_DOWN);
                system.startBroker();
            });
            at(0.70, "PostgreSQL stopped for " + POSTGRES_DOWN.toSeconds() + " s, restarted", () -> {
                system.stopPostgres();
                pause(POSTGRES_DOWN);
                system.startPostgres();
            });
        } catch (RuntimeException e) {
            record("FAULT FAILED: " + e);
            FaultDrill.log("a fault could not be carried out: " + e);
        }
    }

    /** Waits until {@code share} of the announcements were sent, then carries out the fault and notes it. */
    private void at(double share, String what, Runnable fault) {
        int threshold = (int) (count * share);
        while (poster.sent.get() < threshold) {
            pause(Duration.ofMillis(50));
        }
        int at = poster.sent.get();
        FaultDrill.log(what + " ... (at announcement " + at + ")");
        long start = System.nanoTime();
        fault.run();
        record(String.format(Locale.ROOT, "at announcement %5d (of %d sent): %s (%.1f s until back)", at, count,
                what, (System.nanoTime() - start) / 1e9));
        FaultDrill.log("done: " + what);
    }

    private void record(String line) {
        log.add(line);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
