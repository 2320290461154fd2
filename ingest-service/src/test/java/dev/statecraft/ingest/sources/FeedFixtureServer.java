package dev.statecraft.ingest.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A publisher on the loopback interface: a GOV.UK-shaped Atom feed with ETags, the Content API items it links
 * to, an RSS feed without validators, the HTML page it links to, and a feed that is broken. Counts requests
 * and 304 answers per path. The poller reaches GOV.UK's Content API here through
 * {@code statecraft.sources.govuk-content-api}.
 */
public class FeedFixtureServer implements QuarkusTestResourceLifecycleManager {
    static final String GOVUK_FEED = "/feeds/govuk-news.atom";
    static final String EMBASSY_FEED = "/feeds/embassy-news.rss";
    static final String BROKEN_FEED = "/feeds/broken.atom";
    static final String MISSING_FEED = "/feeds/missing.atom";

    private static HttpServer server;
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> NOT_MODIFIED = new ConcurrentHashMap<>();
    private static volatile String govukFeedVersion = "v1";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("statecraft.sources.govuk-content-api", base() + "/api/content");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static int hits(String path) {
        return HITS.getOrDefault(path, new AtomicInteger()).get();
    }

    static int notModified(String path) {
        return NOT_MODIFIED.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The GOV.UK feed gains an entry (and a new ETag), as when GOV.UK publishes. */
    static void publishSecondVersionOfGovukFeed() {
        govukFeedVersion = "v2";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (path) {
                case GOVUK_FEED -> {
                    String etag = "\"govuk-" + govukFeedVersion + "\"";
                    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        NOT_MODIFIED.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                        exchange.getResponseHeaders().add("ETag", etag);
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    exchange.getResponseHeaders().add("ETag", etag);
                    send(exchange, 200, "application/atom+xml; charset=utf-8",
                            fixture("govuk-news-" + govukFeedVersion + ".atom"));
                }
                case EMBASSY_FEED -> send(exchange, 200, "application/rss+xml",
                        fixture("embassy-news.rss").replace("{{BASE}}", base()));
                case BROKEN_FEED -> send(exchange, 200, "application/atom+xml",
                        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>cut off");
                default -> {
                    String resource = path.startsWith("/api/content/") ? "content/" + path.substring(13) + ".json"
                            : path.startsWith("/pages/") ? path.substring(1) : null;
                    String body = resource == null ? null : fixtureOrNull(resource);
                    if (body == null) {
                        send(exchange, 404, "text/plain", "not found");
                    } else {
                        send(exchange, 200, resource.endsWith(".json") ? "application/json" : "text/html; charset=utf-8",
                                body);
                    }
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String fixture(String name) {
        String body = fixtureOrNull(name);
        if (body == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        return body;
    }

    private static String fixtureOrNull(String name) {
        try (InputStream in = FeedFixtureServer.class.getResourceAsStream("/sources/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
