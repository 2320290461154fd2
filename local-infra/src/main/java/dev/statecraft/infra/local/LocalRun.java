package dev.statecraft.infra.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local run: the whole system on this machine without Docker, on the fixed ports of DESIGN.md, with the
 * sample announcements posted and a demo webhook subscriber that prints each alert. Ends everything on
 * Ctrl-C. Data is kept in {@code .local/} between runs; delete it to start afresh.
 */
public final class LocalRun {
    private static final int RECEIVER_PORT = 8089;
    private static final int SMTP_PORT = 3025;
    private static final Pattern ANNOUNCEMENT_ID = Pattern.compile("\"id\":\"(ann_[0-9a-z]+)\"");

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int postgresPort = Integer.parseInt(System.getenv().getOrDefault("STATECRAFT_POSTGRES_PORT", "5432"));
        DemoSubscription demo = DemoSubscription.load(root.resolve(".local"));
        String secret = demo.secret();
        WebhookReceiver receiver = WebhookReceiver.start(RECEIVER_PORT, secret, r -> System.out.printf(
                "  webhook received: %s (signature %s) %s%n", r.webhookId(), r.signatureValid() ? "valid" : "INVALID",
                abbreviate(r.body())));

        GreenMail mailCatcher = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailCatcher.start();
        printMailsAsTheyCome(mailCatcher);

        System.out.println("Starting PostgreSQL, Kafka and the three services (logs in .local/logs/) ...");
        long started = System.nanoTime();
        LocalSystem system = LocalSystem.start(new LocalSystem.Options(root, root.resolve(".local"), false, 9092,
                postgresPort, Map.of("ingest", 8081, "timeline", 8082, "notify", 8083),
                // the demo subscriber listens on loopback, which webhooks refuse by default
                Map.of("STATECRAFT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
                        "NOTIFY_SMTP_HOST", "127.0.0.1", "NOTIFY_SMTP_PORT", String.valueOf(SMTP_PORT),
                        "NOTIFY_SMTP_START_TLS", "DISABLED")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping ...");
            system.close();
            receiver.close();
            mailCatcher.stop();
        }));
        System.out.printf("Everything is up in %.1f s.%n", (System.nanoTime() - started) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        System.out.println("Demo subscription (every announcement) -> " + receiver.url() + ": "
                + demo.ensureExists(http, system.url("notify"), receiver.url()));

        Path samples = root.resolve("samples");
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".json")).sorted().toList()) {
                String type = file.toString().endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
                long t0 = System.nanoTime();
                String answer = post(http, system.url("ingest") + "/api/announcements", type, Files.readString(file));
                long accepted = System.nanoTime();
                Matcher id = ANNOUNCEMENT_ID.matcher(answer);
                String shown = id.find() ? awaitTimeline(http, system.url("timeline") + "/api/announcements/" + id.group(1), t0)
                        : "not accepted";
                System.out.printf("Posted %s: %s%n    accepted in %d ms, %s%n", file.getFileName(), answer,
                        (accepted - t0) / 1_000_000, shown);
            }
        }

        System.out.println();
        System.out.println("Statecraft Feed is running:");
        System.out.println("  post an announcement  curl -X POST -H 'Content-Type: text/plain' --data-binary @samples/uk-eu-kallas-london.txt "
                + system.url("ingest") + "/api/announcements");
        System.out.println("  timeline              " + system.url("timeline") + "/api/timeline");
        System.out.println("  subscriptions         " + system.url("notify") + "/api/subscriptions");
        System.out.println("  mail catcher (SMTP)   127.0.0.1:" + SMTP_PORT + "   every email the services send is printed here");
        for (String service : LocalSystem.SERVICES) {
            System.out.printf("  %-21s %s/q/swagger-ui   (health: /q/health)%n", service + "-service", system.url(service));
        }
        System.out.println("  Kafka                 " + system.broker().bootstrapServers()
                + "   PostgreSQL  " + system.postgres().jdbcUrl("<ingest|timeline|notify>"));
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Prints the subject and recipient of each email the catcher receives. */
    private static void printMailsAsTheyCome(GreenMail catcher) {
        Thread printer = new Thread(() -> {
            int seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] mails = catcher.getReceivedMessages();
                for (; seen < mails.length; seen++) {
                    try {
                        System.out.printf("  email received: to %s, \"%s\"%n",
                                String.join(", ", java.util.Arrays.stream(mails[seen].getAllRecipients()).map(Object::toString).toList()),
                                mails[seen].getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        System.out.println("  email received (unreadable: " + e.getMessage() + ")");
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mail-printer");
        printer.setDaemon(true);
        printer.start();
    }

    /** Waits for the announcement to show in the timeline; says how long it took from the post. */
    private static String awaitTimeline(HttpClient http, String url, long postedAt) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int status = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return "in the timeline " + (System.nanoTime() - postedAt) / 1_000_000 + " ms after the post";
            }
            Thread.sleep(20);
        }
        return "NOT in the timeline after 30 s: see .local/logs/";
    }

    private static String post(HttpClient http, String url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + abbreviate(response.body());
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

}
