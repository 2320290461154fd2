package dev.statecraft.load.fanout;

import dev.statecraft.infra.ChildProcesses;
import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.ParentWatch;
import dev.statecraft.infra.kafka.KafkaBroker;
import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Source;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fan-out benchmark: the real notify-service jar (its own PostgreSQL and Kafka broker, free ports, webhooks to
 * loopback allowed) with N subscriptions that all match one announcement; the announcement is produced to the
 * topic and the deliveries are counted at a local receiver by unique {@code webhook-id}, every signature checked.
 * Run from the project root after {@code ./mvnw -pl notify-service,load-tests -am install -DskipTests}:
 * {@code java -cp "$(cat load-tests/target/classpath.txt):load-tests/target/classes" dev.statecraft.load.fanout.FanoutBenchmark}.
 */
public final class FanoutBenchmark {
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path out = Path.of(args.length > 1 ? args[1] : "notify-service/benchmarks/fanout.txt");
        Map<String, String> tuning = new java.util.LinkedHashMap<>();
        tuning.put("STATECRAFT_DELIVERY_THREADS", System.getProperty("threads", "16"));
        tuning.put("STATECRAFT_DELIVERY_PER_ENDPOINT_CONCURRENCY", System.getProperty("perEndpoint", "16"));
        tuning.put("STATECRAFT_DELIVERY_BATCH_SIZE", System.getProperty("batch", "100"));
        // distinct ports are distinct endpoints: -Dreceivers=4 spreads the subscriptions round-robin over four
        int receiverCount = Integer.getInteger("receivers", 1);
        int receiverThreads = Integer.getInteger("receiverThreads", 4);
        Path jar = Path.of("notify-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run from the project root after packaging");
        }
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        String loadBefore = loadAverage();

        ConcurrentHashMap<String, Instant> firstSeen = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(subscriptions);
        Path work = Files.createTempDirectory("fanout-bench");
        java.util.function.Consumer<WebhookReceiver.Received> count = r -> {
            if (!r.signatureValid()) {
                badSignatures.incrementAndGet();
            }
            if (firstSeen.putIfAbsent(r.webhookId(), Instant.now()) == null) {
                all.countDown();
            } else {
                duplicates.incrementAndGet();
            }
        };
        List<WebhookReceiver> receivers = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.startEphemeral();
                KafkaBroker broker = KafkaBroker.startEphemeral();
                AutoCloseable closeReceivers = () -> receivers.forEach(WebhookReceiver::close)) {
            for (int i = 0; i < receiverCount; i++) {
                receivers.add(WebhookReceiver.start(0, secret, count, receiverThreads));
            }
            List<String> urls = receivers.stream().map(WebhookReceiver::url).toList();
            postgres.createDatabase("notify");
            int port = FreePorts.find();
            Map<String, String> env = new HashMap<>(tuning);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("NOTIFY_DB_URL", postgres.jdbcUrl("notify"));
            env.put("NOTIFY_DB_USER", LocalPostgres.USER);
            env.put("NOTIFY_DB_PASSWORD", LocalPostgres.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("STATECRAFT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            env.put("NOTIFY_SMTP_PORT", String.valueOf(FreePorts.find()));
            Path log = work.resolve("notify-service.log");
            Process notify = ChildProcesses.start(List.of(ChildProcesses.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", jar + File.pathSeparator + ChildProcesses.codeLocation(ParentWatch.class),
                    ParentWatch.class.getName(), "io.quarkus.bootstrap.runner.QuarkusEntryPoint"), env, log);
            ChildProcesses.stopClientOnExit(notify);
            try {
                String base = "http://127.0.0.1:" + port;
                awaitReady(base, notify, log);
                insertSubscriptions(postgres.jdbcUrl("notify"), subscriptions - 1, urls, secret);
                // the last one through the API: its creation rebuilds the matching index with all of them
                createThroughApi(base, urls.get(0), secret);

                Announcement a = announcement();
                Instant produced = Instant.now();
                produce(broker.bootstrapServers(), a);
                boolean complete = all.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                Thread.sleep(2000); // let duplicates, if any, show up
                String loadAfter = loadAverage();
                List<Instant> times = new ArrayList<>(firstSeen.values());
                times.sort(null);
                Instant first = times.get(0);
                Instant last = times.get(times.size() - 1);
                double fanoutSeconds = Duration.between(first, last).toNanos() / 1e9;
                double endToEnd = Duration.between(produced, last).toNanos() / 1e9;
                String report = String.format("""
                        Fan-out benchmark (dev.statecraft.load.fanout.FanoutBenchmark), %s
                        notify-service jar with its own PostgreSQL + Kafka broker; %d receiver(s) on 127.0.0.1 (distinct ports = distinct endpoints; %d threads each, JDK HttpServer)
                        tuning: %s (other settings: defaults of application.properties)
                        subscriptions matching the announcement: %d (%d inserted by SQL, 1 through the API)
                        unique webhook-ids received: %d%s; duplicates: %d; bad signatures: %d (every request verified)
                        first delivery received %.3f s after the record was produced (consume + match + %d delivery rows in one transaction)
                        fan-out (first -> last delivery received): %.3f s = %.0f deliveries/s   (target >= 1000/s)
                        end to end (produced -> last delivery received): %.3f s = %.0f deliveries/s
                        load average before: %s
                        load average after:  %s
                        machine: %d cores, shared with other builds
                        """, Instant.now(), receiverCount, receiverThreads, tuning, subscriptions, subscriptions - 1, firstSeen.size(),
                        complete ? "" : " (INCOMPLETE within " + DEADLINE + ")", duplicates.get(), badSignatures.get(),
                        Duration.between(produced, first).toNanos() / 1e9, subscriptions,
                        fanoutSeconds, (times.size() - 1) / fanoutSeconds, endToEnd, times.size() / endToEnd,
                        loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
                System.out.print(report);
                Files.createDirectories(out.toAbsolutePath().getParent());
                // appended: earlier runs stay in the file for comparison
                Files.writeString(out, "\n" + report, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } finally {
                ChildProcesses.stop(notify, Duration.ofSeconds(15));
            }
        } finally {
            ChildProcesses.deleteQuietly(work);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void awaitReady(String base, Process notify, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!notify.isAlive()) {
                throw new IllegalStateException("notify-service exited:\n" + ChildProcesses.tail(log, 60));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("notify-service not ready:\n" + ChildProcesses.tail(log, 60));
    }

    /** Subscriptions with no filter (they match everything), spread round-robin over the receivers, one secret. */
    private static void insertSubscriptions(String jdbcUrl, int n, List<String> urls, String secret) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.PASSWORD);
                PreparedStatement ps = c.prepareStatement("""
                        insert into subscription (id, webhook_url, webhook_secret, management_token_hash)
                        values (?, ?, ?, 'not-a-token-hash')
                        """)) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, urls.get(i % urls.size()));
                ps.setString(3, secret);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private static void createThroughApi(String base, String url, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/subscriptions")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"webhook_url\":\"" + url + "\",\"secret\":\"" + secret + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a subscription failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static Announcement announcement() {
        String id = "ann_fanout_" + UUID.randomUUID().toString().replace("-", "");
        return new Announcement(id, 1,
                new Source("https://www.gov.uk/government/news/" + id, "Foreign, Commonwealth & Development Office",
                        "govuk-content"),
                Instant.parse("2025-03-18T00:00:00Z"), false, Instant.now(), "1.0.0", "Fan-out benchmark statement",
                "Summary", "Body of the fan-out benchmark statement.", Kind.STATEMENT,
                List.of(new CountryMention("GB", List.of())),
                List.of(new OrganisationMention("EU", "European Union", List.of())),
                List.of(new PersonMention("Kaja Kallas", "EU High Representative for Foreign Affairs", List.of())),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static void produce(String bootstrap, Announcement a) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(AnnouncementEvents.HEADER_SPEC_VERSION, AnnouncementEvents.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_ID, (a.id() + "/event").getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_SOURCE, AnnouncementEvents.SOURCE.getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_TYPE, AnnouncementEvents.typeFor(a.revision()).getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_SUBJECT, a.id().getBytes(StandardCharsets.UTF_8));
            headers.add(AnnouncementEvents.HEADER_CONTENT_TYPE, AnnouncementEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(AnnouncementEvents.TOPIC, null, a.id(), AnnouncementJson.write(a), headers))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private FanoutBenchmark() {
    }
}
