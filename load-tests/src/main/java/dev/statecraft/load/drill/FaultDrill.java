package dev.statecraft.load.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.infra.local.LocalSystem;
import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.load.generator.AnnouncementGenerator;
import dev.statecraft.load.generator.IntakeClient;
import dev.statecraft.load.generator.LoadEnvironment;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault drill: the whole system as separate processes (real broker, real PostgreSQL, the three packaged
 * services), a client posting distinct announcements at a steady rate to 50 webhook subscriptions, and
 * meanwhile each service killed with SIGKILL and restarted, the broker stopped and restarted, PostgreSQL
 * stopped for 30 s, and a few poison records written to the topic. Then, once everything is quiet, it checks
 * that nothing was lost or doubled (see {@link DrillChecks}), prints a table and exits non-zero on any loss
 * or duplicate.
 *
 * <p>Arguments: {@code [projectRoot] [announcements, default 10000] [per second, default 25] [output file]}.
 */
public final class FaultDrill {
    static final int RECEIVERS = 5;
    static final List<String> POISON_KEYS = List.of("poison-invalid-json", "poison-unknown-type", "poison-missing-id");
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Path output = args.length > 3 ? root.resolve(args[3]) : null;
        System.exit(run(root, count, rate, output) ? 0 : 1);
    }

    static boolean run(Path root, int count, int rate, Path output) throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        List<WebhookReceiver> receivers = new ArrayList<>();
        for (int i = 0; i < RECEIVERS; i++) {
            receivers.add(WebhookReceiver.start(0, secret, r -> { }));
        }
        String loadBefore = LoadEnvironment.loadAverage();
        long started = System.nanoTime();
        log("starting PostgreSQL, Kafka and the three services ...");
        try (LocalSystem system = LocalSystem.startEphemeral(root, LoadEnvironment.forLoad())) {
            SystemProbe probe = new SystemProbe(system);
            List<DrillSubscription> subscriptions = DrillSubscription.fifty();
            for (DrillSubscription s : subscriptions) {
                subscribe(system, s, receivers.get(s.number() % RECEIVERS).url() + "/s" + s.number(), secret);
            }
            log("50 subscriptions created; posting " + count + " announcements at " + rate + "/s");

            AtomicLong maxTimelineLag = new AtomicLong();
            AtomicLong maxNotifyLag = new AtomicLong();
            Thread lagWatch = daemon("lag-watch", () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxTimelineLag.accumulateAndGet(probe.lag("timeline-service"), Math::max);
                    maxNotifyLag.accumulateAndGet(probe.lag("notify-service"), Math::max);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            SteadyPoster poster = new SteadyPoster(new IntakeClient(system.url("ingest")),
                    new AnnouncementGenerator(count * 31L + rate), count);
            Faults faults = new Faults(system, poster, count);
            Thread chaos = daemon("chaos", () -> faults.run(() -> injectPoison(system)));
            poster.postAll(rate);
            log("all " + count + " sent once; waiting for every one to be accepted ...");
            if (!poster.awaitAllSettled(SETTLE_TIMEOUT)) {
                log("NOT all accepted within " + SETTLE_TIMEOUT + ": " + poster.settled() + " of " + count);
            }
            chaos.join(Duration.ofMinutes(5).toMillis());
            log("waiting for quiet (outbox empty, consumers caught up, no delivery due) ...");
            boolean quiet = awaitQuiet(probe, receivers);
            lagWatch.interrupt();

            DrillChecks checks = new DrillChecks(probe, poster, subscriptions, receivers);
            DrillChecks.Result result = checks.run();
            String report = DrillReport.render(count, rate, result, poster, faults.log(), quiet,
                    maxTimelineLag.get(), maxNotifyLag.get(), loadBefore, LoadEnvironment.loadAverage(),
                    Duration.ofNanos(System.nanoTime() - started));
            System.out.println(report);
            if (output != null) {
                Files.createDirectories(output.getParent());
                Files.writeString(output, report, StandardCharsets.UTF_8);
                log("written to " + output);
            }
            return result.passed() && quiet;
        } finally {
            receivers.forEach(WebhookReceiver::close);
        }
    }

    private static void subscribe(LocalSystem system, DrillSubscription s, String url, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.url("notify") + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(s.requestJson(url, secret))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription " + s + " refused: " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Records no consumer can apply: not JSON, an event type of an unknown version, an event without id. */
    static void injectPoison(LocalSystem system) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", system.broker().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            Map<String, String[]> poison = new LinkedHashMap<>();
            poison.put(POISON_KEYS.get(0), new String[] {AnnouncementEvents.TYPE_PUBLISHED_V1, "{not json at all"});
            poison.put(POISON_KEYS.get(1), new String[] {"dev.statecraft.announcement.published.v9",
                    "{\"id\":\"poison-unknown-type\",\"revision\":1,\"title\":\"from the future\","
                            + "\"published_at\":\"2025-01-01T00:00:00Z\"}"});
            poison.put(POISON_KEYS.get(2), new String[] {AnnouncementEvents.TYPE_PUBLISHED_V1,
                    "{\"revision\":1,\"title\":\"no id\",\"published_at\":\"2025-01-01T00:00:00Z\"}"});
            for (Map.Entry<String, String[]> p : poison.entrySet()) {
                ProducerRecord<String, String> record = new ProducerRecord<>(AnnouncementEvents.TOPIC, p.getKey(),
                        p.getValue()[1]);
                record.headers().add(new RecordHeader(AnnouncementEvents.HEADER_TYPE,
                        p.getValue()[0].getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader(AnnouncementEvents.HEADER_SPEC_VERSION,
                        "1.0".getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the poison records", e);
        }
    }

    /**
     * Quiet: the outbox is empty, both consumer groups have committed up to the end of the topic, no delivery
     * is pending, being sent or waiting for a retry, and the receivers got nothing new for five seconds.
     */
    private static boolean awaitQuiet(SystemProbe probe, List<WebhookReceiver> receivers) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        int lastReceived = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int received = receivers.stream().mapToInt(r -> r.received().size()).sum();
            if (received != lastReceived) {
                lastReceived = received;
                stableSince = System.nanoTime();
            }
            boolean idle = probe.count("ingest", "select count(*) from outbox") == 0
                    && probe.lag("timeline-service") == 0 && probe.lag("notify-service") == 0
                    && probe.count("notify", "select count(*) from delivery where status in ('pending','sending','failed')") == 0;
            if (idle && System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos()) {
                return true;
            }
            Thread.sleep(1000);
        }
        log("the system did not become quiet within " + QUIET_TIMEOUT);
        return false;
    }

    static String announcementIdOf(WebhookReceiver.Received r) {
        JsonNode body = AnnouncementJson.read(r.body(), JsonNode.class);
        return body.path("data").path("id").asText(null);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void log(String message) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), message);
    }
}
