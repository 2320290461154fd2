package dev.statecraft.load.latency;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.infra.local.LocalSystem;
import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.load.generator.AnnouncementGenerator;
import dev.statecraft.load.generator.IntakeClient;
import dev.statecraft.load.generator.LoadEnvironment;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end latency: announcement posted to ingest → signed webhook received by a local subscriber, with the
 * whole system running as separate processes (real broker, real PostgreSQL). Announcements are sent on an
 * open-loop schedule at a fixed rate; latency runs from each one's <em>intended</em> send time, so a stalled
 * system cannot hide its stall (no coordinated omission). Each announcement's time is also split into stages
 * (intake answer, relay to the topic, consumer writing the delivery row, worker sending it) from the record's
 * timestamp and the delivery row, which says where the time goes.
 *
 * <p>Arguments: {@code [projectRoot] [rates, default 50,200] [seconds per rate, default 60] [output file, default
 * load-tests/benchmarks/latency.txt]}. The report goes on top of the output file; earlier runs stay below it.
 */
public final class LatencyBenchmark implements AutoCloseable {
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /**
     * Warm-up (env {@code LATENCY_WARM_UP}): {@code ramp} (default) posts for 60 s, 10 s at each of 1/8, 1/4, 1/2,
     * 3/4, 1 and 1 times the highest measured rate, so that the JVMs have compiled the paths the highest rate takes
     * before anything is measured (the JIT and VM-thread CPU lines of the report show whether they still compile);
     * {@code short} is the earlier warm-up, 300 announcements at 25/s.
     */
    static final String WARM_UP = System.getenv().getOrDefault("LATENCY_WARM_UP", "ramp");
    /**
     * The subscription's {@code webhook_max_in_flight} (env {@code LATENCY_MAX_IN_FLIGHT}, default 4; "default" =
     * not set, so notify's per-endpoint default of 2): the one receiver is one endpoint, and at 200/s two requests in
     * flight leave 10 ms per webhook.
     */
    static final String MAX_IN_FLIGHT = System.getenv().getOrDefault("LATENCY_MAX_IN_FLIGHT", "4");

    /**
     * The webhook endpoint (env {@code LATENCY_RECEIVER}): {@code vertx} (default, {@link LatencyReceiver}) or
     * {@code jdk} (local-infra's {@link WebhookReceiver} with 8 threads, what runs before 2026-11-27 22:30Z used).
     */
    static final String RECEIVER = System.getenv().getOrDefault("LATENCY_RECEIVER", "vertx");

    private final LocalSystem system;
    private final IntakeClient intake;
    private final AnnouncementGenerator generator = new AnnouncementGenerator(20261127L);
    /** Arrival of each announcement's webhook, in epoch microseconds, by announcement id. */
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger invalidSignatures = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final long baseNanos = System.nanoTime();
    private final long baseMicros = Instant.now().toEpochMilli() * 1000;
    private int nextIndex;

    private LatencyBenchmark(LocalSystem system) {
        this.system = system;
        this.intake = new IntakeClient(system.url("ingest"));
    }

    @Override
    public void close() {
        intake.close();
    }

    /** What one rate gave. */
    record Phase(int rate, int seconds, int sent, int accepted, int intakeErrors, int missing, Histogram endToEnd,
            Map<String, Histogram> stages, String loadBefore, String loadAfter, List<String> errorSamples,
            ServerTime intakeInIngest, Map<String, ProcessCpu.Usage> cpu, double wallSeconds) {
    }

    /**
     * Intake requests as ingest's own HTTP server metric counts them (request read to response written), so that
     * the intake stage can be told apart from time spent in transport or in this client.
     */
    record ServerTime(double count, double seconds) {
        ServerTime minus(ServerTime earlier) {
            return new ServerTime(count - earlier.count, seconds - earlier.seconds);
        }

        double meanMillis() {
            return count == 0 ? Double.NaN : seconds * 1000 / count;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Integer> rates = args.length > 1 ? List.of(args[1].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(50, 200);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path output = root.resolve(args.length > 3 ? args[3] : "load-tests/benchmarks/latency.txt");

        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        LatencyBenchmark[] self = new LatencyBenchmark[1];
        Consumer<WebhookReceiver.Received> arrived = r -> self[0].arrived(r);
        String receiverUrl;
        AutoCloseable receiver;
        if ("jdk".equals(RECEIVER)) {
            WebhookReceiver jdk = WebhookReceiver.start(0, secret, arrived, 8);
            receiver = jdk;
            receiverUrl = jdk.url();
        } else {
            LatencyReceiver vertx = LatencyReceiver.start(secret, arrived);
            receiver = vertx;
            receiverUrl = vertx.url();
        }
        try (receiver) {
            System.out.println("Starting PostgreSQL, Kafka and the three services ...");
            try (LocalSystem system = LocalSystem.startEphemeral(root, LoadEnvironment.forLoad());
                    LatencyBenchmark benchmark = new LatencyBenchmark(system)) {
                self[0] = benchmark;
                String subscriptionId = self[0].subscribe(receiverUrl, secret);
                self[0].warmUp(rates.stream().mapToInt(Integer::intValue).max().orElse(25), subscriptionId);
                List<Phase> phases = new ArrayList<>();
                for (int rate : rates) {
                    System.out.printf("Posting at %d/s for %d s ...%n", rate, seconds);
                    Phase phase = self[0].run(rate, seconds, subscriptionId);
                    phases.add(phase);
                    System.out.print(LatencyReport.phase(phase));
                }
                String report = LatencyReport.full(phases, self[0].invalidSignatures.get(), self[0].duplicates.get());
                Files.createDirectories(output.getParent());
                String earlier = Files.exists(output) ? Files.readString(output) : "";
                Files.writeString(output, earlier.isEmpty() ? report
                        : report + "\n# " + "-".repeat(105) + "\n" + earlier);
                System.out.println(report);
                System.out.println("Written to " + output);
            }
        }
    }

    private void arrived(WebhookReceiver.Received r) {
        long now = nowMicros();
        if (!r.signatureValid()) {
            invalidSignatures.incrementAndGet();
            return;
        }
        String id = announcementId(r.body());
        if (arrivals.putIfAbsent(id, now) != null) {
            duplicates.incrementAndGet();
        }
    }

    /**
     * The webhook's {@code data.id}, or "" without one: a streaming read that stops there ({@code type},
     * {@code timestamp}, then {@code data} with {@code id} first), rather than a whole tree per webhook.
     */
    static String announcementId(String body) {
        try (JsonParser p = AnnouncementJson.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if ("id".equals(field)) {
                            return p.getValueAsString("");
                        }
                        p.skipChildren();
                    }
                    return "";
                }
                p.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private String subscribe(String webhookUrl, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.url("notify") + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"webhook_url\":\"" + webhookUrl + "\",\"secret\":\"" + secret
                        + "\"" + ("default".equals(MAX_IN_FLIGHT) ? "" : ",\"webhook_max_in_flight\":" + MAX_IN_FLIGHT)
                        + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + response.statusCode() + " " + response.body());
        }
        return AnnouncementJson.read(response.body(), JsonNode.class).path("id").asText();
    }

    /** See {@link #WARM_UP}. */
    private void warmUp(int highestRate, String subscriptionId) throws Exception {
        if ("short".equals(WARM_UP)) {
            System.out.println("Warming up with 300 announcements at 25/s ...");
            run(25, 12, subscriptionId);
            return;
        }
        for (double share : new double[] {0.125, 0.25, 0.5, 0.75, 1, 1}) {
            int rate = Math.max(1, (int) Math.round(highestRate * share));
            System.out.printf("Warming up at %d/s for 10 s ...%n", rate);
            Phase phase = run(rate, 10, subscriptionId);
            System.out.print(ProcessCpu.describe(phase.cpu(), phase.sent(), phase.wallSeconds()));
        }
    }

    /** Sends {@code rate × seconds} announcements on schedule, waits for their webhooks, and measures. */
    Phase run(int rate, int seconds, String subscriptionId) throws Exception {
        String loadBefore = LoadEnvironment.loadAverage();
        int count = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        Map<String, Long> intendedById = new ConcurrentHashMap<>();
        Map<String, Long> answeredById = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        // written before the clock starts: generating a document costs the client ~0.4 ms of CPU, which would
        // compete with the system under test and delay the sends on the schedule
        List<String> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(generator.generate(nextIndex++).toIntakeJson());
        }
        ServerTime serverBefore = intakeInIngest();
        Map<String, ProcessCpu.Usage> cpuBefore = ProcessCpu.snapshot(postgresPort());
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < count; i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long intendedMicros = toMicros(intended);
            inFlight.add(intake.post(documents.get(i)).thenAccept(outcome -> {
                if (outcome.status() == 202) {
                    intendedById.put(outcome.id(), intendedMicros);
                    answeredById.put(outcome.id(), nowMicros());
                } else {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(outcome.status() + " " + outcome.error());
                    }
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < drainUntil && !arrivals.keySet().containsAll(intendedById.keySet())) {
            Thread.sleep(100);
        }
        Map<String, ProcessCpu.Usage> cpu = ProcessCpu.difference(ProcessCpu.snapshot(postgresPort()), cpuBefore);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        String loadAfter = LoadEnvironment.loadAverage();
        ServerTime serverTime = intakeInIngest().minus(serverBefore);

        Map<String, Long> published = publishTimes(intendedById.keySet());
        Map<String, Long> deliveryCreated = deliveryRowTimes(subscriptionId);
        Histogram endToEnd = histogram();
        Map<String, Histogram> stages = new java.util.LinkedHashMap<>();
        for (String stage : LatencyReport.STAGES) {
            stages.put(stage, histogram());
        }
        int missing = 0;
        for (Map.Entry<String, Long> e : intendedById.entrySet()) {
            Long arrival = arrivals.get(e.getKey());
            if (arrival == null) {
                missing++;
                continue;
            }
            long intended = e.getValue();
            endToEnd.recordValue(Math.max(0, arrival - intended));
            long answered = answeredById.get(e.getKey());
            Long inTopic = published.get(e.getKey());
            Long rowCreated = deliveryCreated.get(e.getKey());
            stages.get(LatencyReport.STAGES.get(0)).recordValue(Math.max(0, answered - intended));
            if (inTopic != null && rowCreated != null) {
                stages.get(LatencyReport.STAGES.get(1)).recordValue(Math.max(0, inTopic - answered));
                stages.get(LatencyReport.STAGES.get(2)).recordValue(Math.max(0, rowCreated - inTopic));
                stages.get(LatencyReport.STAGES.get(3)).recordValue(Math.max(0, arrival - rowCreated));
            }
        }
        return new Phase(rate, seconds, count, intendedById.size(), errors.get(), missing, endToEnd, stages,
                loadBefore, loadAfter, errorSamples, serverTime, cpu, wallSeconds);
    }

    /** The local PostgreSQL's port, from its JDBC URL. */
    private int postgresPort() {
        return URI.create(system.postgres().jdbcUrl("notify").substring("jdbc:".length())).getPort();
    }

    /** Sums ingest's {@code http_server_requests_seconds} count and sum over the intake's POSTs (all statuses). */
    private ServerTime intakeInIngest() throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.url("ingest") + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double count = 0;
        double seconds = 0;
        for (String line : metrics.split("\n")) {
            if (!line.contains("uri=\"/api/announcements\"") || !line.contains("method=\"POST\"")) {
                continue;
            }
            if (line.startsWith("http_server_requests_seconds_count{")) {
                count += sampleValue(line);
            } else if (line.startsWith("http_server_requests_seconds_sum{")) {
                seconds += sampleValue(line);
            }
        }
        return new ServerTime(count, seconds);
    }

    /** The value of one Prometheus text sample line: the first token after the labels. */
    private static double sampleValue(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
    }

    /** When each announcement's record was produced (the producer's timestamp), in epoch microseconds. */
    private Map<String, Long> publishTimes(java.util.Set<String> ids) {
        Map<String, Long> times = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.broker().bootstrapServers(), "enable.auto.commit", false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(AnnouncementEvents.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.key())) {
                        times.putIfAbsent(r.key(), r.timestamp() * 1000);
                    }
                }
            }
        }
        return times;
    }

    /** When the notify consumer wrote each delivery row (its transaction's start), in epoch microseconds. */
    private Map<String, Long> deliveryRowTimes(String subscriptionId) throws SQLException {
        Map<String, Long> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection(system.postgres().jdbcUrl("notify"), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select announcement_id, (extract(epoch from created_at) * 1000000)::bigint"
                        + " from delivery where subscription_id = '" + java.util.UUID.fromString(subscriptionId) + "'")) {
            while (rs.next()) {
                times.put(rs.getString(1), rs.getLong(2));
            }
        }
        return times;
    }

    private static Histogram histogram() {
        return new Histogram(Duration.ofHours(1).toNanos() / 1000, 3);
    }

    private long toMicros(long nanos) {
        return baseMicros + (nanos - baseNanos) / 1000;
    }

    private long nowMicros() {
        return toMicros(System.nanoTime());
    }

}
