package dev.statecraft.infra.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on loopback that checks Standard Webhooks signatures the way a subscriber would, and
 * keeps what it received. For the local run's demo subscription and for the end-to-end tests.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One received POST: its headers, body, whether its signature matched the secret, and the path it was sent to
     * (anything under {@code /hooks}, so that one receiver can tell many subscriptions apart).
     */
    public record Received(String webhookId, String timestamp, String signature, String body, boolean signatureValid,
            String path) {
        public Received(String webhookId, String timestamp, String signature, String body, boolean signatureValid) {
            this(webhookId, timestamp, signature, body, signatureValid, "/hooks");
        }
    }

    private final HttpServer server;
    private final String secret;
    /** Not a copy-on-write list: a fan-out run adds thousands, and each add would copy all before it. */
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Consumer<Received> listener;

    private WebhookReceiver(HttpServer server, String secret, Consumer<Received> listener) {
        this.server = server;
        this.secret = secret;
        this.listener = listener;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port) at path {@code /hooks}, with 4 handler threads. */
    public static WebhookReceiver start(int port, String secret, Consumer<Received> listener) {
        return start(port, secret, listener, 4);
    }

    /** As {@link #start(int, String, Consumer)} with {@code threads} handler threads (load tests want more). */
    public static WebhookReceiver start(int port, String secret, Consumer<Received> listener, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server, secret, listener);
            server.createContext("/hooks", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(threads));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            Received r = new Received(id, timestamp, signature, body, verify(secret, id, timestamp, body, signature),
                    exchange.getRequestURI().getPath());
            received.add(r);
            listener.accept(r);
            exchange.sendResponseHeaders(r.signatureValid() ? 204 : 401, -1);
        }
    }

    /** True when one of the space-separated {@code v1,<base64>} signatures is the HMAC of id.timestamp.body. */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatures) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        byte[] expected = sign(secret, id + "." + timestamp + "." + body);
        for (String candidate : signatures.split(" ")) {
            if (candidate.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException ignored) {
                    // not base64: not a match
                }
            }
        }
        return false;
    }

    private static byte[] sign(String secret, String content) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
