package dev.statecraft.infra.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run's "every announcement" webhook subscription, kept in {@code .local/} with its secret and
 * management token so that a second start reuses it: a new subscription per start would leave the earlier ones
 * sending to the demo receiver with secrets it no longer knows (every alert twice, once "signature INVALID").
 */
final class DemoSubscription {
    private static final String FILE = "demo-subscription.properties";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"management_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GONE = Pattern.compile("\"(ended_at|endpoint_disabled_at)\"\\s*:\\s*\"");

    private final Path file;
    private final String secret;
    private String id;
    private String token;

    private DemoSubscription(Path file, String secret, String id, String token) {
        this.file = file;
        this.secret = secret;
        this.id = id;
        this.token = token;
    }

    /** The one kept by an earlier run, or a fresh secret with no subscription yet. */
    static DemoSubscription load(Path localDir) throws IOException {
        Path file = localDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties kept = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                kept.load(in);
            }
            String secret = kept.getProperty("secret");
            if (secret != null && secret.startsWith("whsec_")) {
                return new DemoSubscription(file, secret, kept.getProperty("id"), kept.getProperty("token"));
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new DemoSubscription(file, "whsec_" + Base64.getEncoder().encodeToString(key), null, null);
    }

    String secret() {
        return secret;
    }

    /**
     * Reuses the kept subscription while notify-service still has it active; otherwise ends it (if it still
     * exists) and creates a new one. Returns what happened, for the console.
     */
    String ensureExists(HttpClient http, String notifyUrl, String receiverUrl) throws IOException, InterruptedException {
        if (id != null && token != null) {
            HttpResponse<String> kept = send(http, HttpRequest.newBuilder(subscriptionUri(notifyUrl)).GET());
            if (kept.statusCode() == 200 && !GONE.matcher(kept.body()).find()) {
                return "kept from the last run: " + id;
            }
            if (kept.statusCode() == 200) {
                send(http, HttpRequest.newBuilder(subscriptionUri(notifyUrl)).DELETE());
            }
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(notifyUrl + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"webhook_url\":\"" + receiverUrl + "\",\"secret\":\"" + secret + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher newId = ID.matcher(created.body());
        Matcher newToken = TOKEN.matcher(created.body());
        if (created.statusCode() == 201 && newId.find() && newToken.find()) {
            id = newId.group(1);
            token = newToken.group(1);
            save();
            return "created " + id + " (kept in .local/" + FILE + " for the next run)";
        }
        return "NOT created: " + created.statusCode() + " " + LocalRun.abbreviate(created.body());
    }

    private URI subscriptionUri(String notifyUrl) {
        return URI.create(notifyUrl + "/api/subscriptions/" + id);
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Owner-only: the file holds the webhook secret and the management token. */
    private void save() throws IOException {
        Properties kept = new Properties();
        kept.setProperty("id", id);
        kept.setProperty("token", token);
        kept.setProperty("secret", secret);
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(written)) {
            kept.store(out, "the local run's demo webhook subscription (delete .local/ to start afresh)");
        }
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
