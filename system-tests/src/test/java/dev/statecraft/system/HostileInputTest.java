package dev.statecraft.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.infra.local.LocalSystem;
import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.model.AnnouncementJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A corpus of hostile inputs (huge, binary, deeply nested JSON, HTML with scripts, SQL and header-injection
 * strings, invalid UTF-8, wrong content types, oversized headers) sent to every public endpoint of the three
 * packaged services running as processes. Each must be refused with a 4xx problem+json (never a 500), and
 * nothing may be stored. Also proves the per-client rate limits on intake and subscription creation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    /** Refusals the HTTP layer makes before any application code runs: a status, but no problem body. */
    private static final List<Integer> TRANSPORT_REFUSALS = List.of(413, 414, 431);
    private static final String[] STORED = {"ingest:announcement", "ingest:raw_document", "ingest:outbox",
            "notify:subscription", "notify:delivery", "timeline:timeline_entry"};

    static LocalSystem system;
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static Map<String, Long> countsBefore;
    /** Each hostile request comes from its own address (through the trusted proxy), so none is rate limited. */
    static final AtomicInteger nextClient = new AtomicInteger(1);

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path root = Path.of(System.getProperty("statecraft.project.root", "..")).toAbsolutePath().normalize();
        system = LocalSystem.startEphemeral(root, Map.of(
                "STATECRAFT_RATE_LIMIT_TRUST_FORWARDED_FOR", "true",
                "STATECRAFT_RATE_LIMIT_INTAKE_PER_SECOND", "0.2", "STATECRAFT_RATE_LIMIT_INTAKE_BURST", "5",
                "STATECRAFT_RATE_LIMIT_SUBSCRIPTIONS_PER_SECOND", "0.2", "STATECRAFT_RATE_LIMIT_SUBSCRIPTIONS_BURST", "3"));
        countsBefore = counts();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    /** One hostile request. */
    record Case(String name, String service, String method, String pathAndQuery, String contentType, byte[] body,
            Map<String, String> headers) {
        Case(String name, String service, String method, String pathAndQuery, String contentType, byte[] body) {
            this(name, service, method, pathAndQuery, contentType, body, Map.of());
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileInputIsRefusedWithAProblemAndNeverA500() {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpResponse<String> response = send(c, "198.51.100." + (nextClient.getAndIncrement() % 250) + ", 10.9."
                    + (nextClient.get() / 250) + "." + (nextClient.get() % 250));
            int status = response.statusCode();
            assertThat(status).as("%s answered %d: %s", c.name(), status, response.body()).isBetween(400, 499);
            if (!TRANSPORT_REFUSALS.contains(status) || isProblem(response)) {
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .as("%s content type (body %s)", c.name(), response.body()).startsWith("application/problem+json");
                JsonNode problem = AnnouncementJson.read(response.body(), JsonNode.class);
                assertThat(problem.path("status").asInt()).isEqualTo(status);
                assertThat(problem.path("type").asText()).startsWith("https://statecraft.dev/problems/");
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }));
    }

    @Test
    @Order(2)
    void nothingWasStored() throws Exception {
        assertThat(counts()).isEqualTo(countsBefore);
    }

    @Test
    @Order(3)
    void intakeIsRateLimitedPerClientWithRetryAfter() throws Exception {
        Case post = new Case("valid intake", "ingest", "POST", "/api/announcements", "text/plain; charset=utf-8",
                "   ".getBytes(StandardCharsets.UTF_8));
        // an empty body is refused (400) after the limit is checked: the limit counts attempts, not successes
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(post, "203.0.113.7").statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(400);
        HttpResponse<String> limited = send(post, "203.0.113.7");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
        assertThat(AnnouncementJson.read(limited.body(), JsonNode.class).path("type").asText()).endsWith("/rate-limited");
        // another client is not held back by the first
        assertThat(send(post, "203.0.113.8").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void subscriptionCreationIsRateLimitedPerClient() throws Exception {
        Case create = new Case("subscription", "notify", "POST", "/api/subscriptions", "application/json",
                // a literal public address: nothing to resolve (the build machine may have no DNS)
                "{\"webhook_url\":\"https://93.184.215.14/hook\"}".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            assertThat(send(create, "203.0.113.9").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> limited = send(create, "203.0.113.9");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(counts().get("notify:subscription")).isEqualTo(countsBefore.get("notify:subscription") + 3);
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        byte[] huge = new byte[2 * 1024 * 1024 + 17];
        java.util.Arrays.fill(huge, (byte) 'A');
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        byte[] invalidUtf8 = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        byte[] invalidUtf8Text = {'U', 'K', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, ' ', (byte) 0xFE, 'x'};
        String nestedArrays = "[".repeat(100_000) + "]".repeat(100_000);
        String nestedObjects = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
        String html = "<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>";
        String sql = "'; DROP TABLE announcement; --";
        String headerInjection = "https://www.gov.uk/a\r\nSet-Cookie: session=stolen\r\n\r\n<script>";
        String hugeHeader = "x".repeat(64 * 1024);

        for (String endpoint : List.of("/api/announcements", "/api/parse")) {
            String e = endpoint.substring(5);
            cases.add(new Case(e + ": 2 MiB text", "ingest", "POST", endpoint, "text/plain", huge));
            cases.add(new Case(e + ": binary as octet-stream", "ingest", "POST", endpoint, "application/octet-stream", binary));
            cases.add(new Case(e + ": binary as text", "ingest", "POST", endpoint, "text/plain", binary));
            cases.add(new Case(e + ": invalid UTF-8 JSON", "ingest", "POST", endpoint, "application/json", invalidUtf8));
            cases.add(new Case(e + ": invalid UTF-8 text", "ingest", "POST", endpoint, "text/plain; charset=utf-8", invalidUtf8Text));
            cases.add(new Case(e + ": deeply nested arrays", "ingest", "POST", endpoint, "application/json", utf8(nestedArrays)));
            cases.add(new Case(e + ": deeply nested objects", "ingest", "POST", endpoint, "application/json", utf8(nestedObjects)));
            cases.add(new Case(e + ": HTML with scripts as JSON", "ingest", "POST", endpoint, "application/json", utf8(html)));
            cases.add(new Case(e + ": SQL in published_at", "ingest", "POST", endpoint, "application/json",
                    utf8(json(Map.of("body", "UK sanctions", "published_at", sql)))));
            cases.add(new Case(e + ": script URL as source_url", "ingest", "POST", endpoint, "application/json",
                    utf8(json(Map.of("body", "UK sanctions", "source_url", "javascript:alert(1)")))));
            cases.add(new Case(e + ": header injection in source_url", "ingest", "POST", endpoint, "application/json",
                    utf8(json(Map.of("body", "UK sanctions", "source_url", headerInjection)))));
            cases.add(new Case(e + ": header injection in query source_url", "ingest", "POST",
                    endpoint + "?source_url=" + encode(headerInjection), "text/plain", utf8("UK sanctions")));
            cases.add(new Case(e + ": SQL in query published", "ingest", "POST", endpoint + "?published=" + encode(sql),
                    "text/plain", utf8("UK sanctions")));
            cases.add(new Case(e + ": unknown field", "ingest", "POST", endpoint, "application/json",
                    utf8("{\"body\":\"x\",\"" + html + "\":1}")));
            cases.add(new Case(e + ": duplicate keys", "ingest", "POST", endpoint, "application/json",
                    utf8("{\"body\":\"x\",\"body\":\"y\"}")));
            cases.add(new Case(e + ": trailing data", "ingest", "POST", endpoint, "application/json",
                    utf8("{\"body\":\"x\"} {\"body\":\"y\"}")));
            cases.add(new Case(e + ": body of the wrong type", "ingest", "POST", endpoint, "application/json",
                    utf8("{\"body\":[1,2,{\"a\":null}]}")));
            cases.add(new Case(e + ": XML", "ingest", "POST", endpoint, "application/xml", utf8("<a>UK</a>")));
            cases.add(new Case(e + ": no content type", "ingest", "POST", endpoint, null, utf8("UK sanctions")));
            cases.add(new Case(e + ": content type garbage", "ingest", "POST", endpoint, "\u00e9/\u00e9;;;==", utf8("UK")));
            cases.add(new Case(e + ": empty", "ingest", "POST", endpoint, "text/plain", new byte[0]));
            cases.add(new Case(e + ": oversized header", "ingest", "POST", endpoint, "text/plain", utf8("UK sanctions"),
                    Map.of("X-Padding", hugeHeader)));
            cases.add(new Case(e + ": oversized query", "ingest", "POST", endpoint + "?title=" + "t".repeat(100_000),
                    "text/plain", utf8("UK sanctions")));
        }

        for (String endpoint : List.of("/api/timeline", "/api/timeline.json", "/api/timeline.atom", "/api/facets",
                "/api/histogram")) {
            String e = endpoint.substring(5);
            cases.add(new Case(e + ": SQL in country", "timeline", "GET", endpoint + "?country=" + encode(sql), null, null));
            cases.add(new Case(e + ": script in kind", "timeline", "GET", endpoint + "?kind=" + encode(html), null, null));
            cases.add(new Case(e + ": impossible date", "timeline", "GET", endpoint + "?from=2025-13-45", null, null));
            cases.add(new Case(e + ": SQL in date", "timeline", "GET", endpoint + "?to=" + encode(sql), null, null));
            cases.add(new Case(e + ": invalid UTF-8 in query", "timeline", "GET", endpoint + "?country=%FF%FE%C3%28", null, null));
            cases.add(new Case(e + ": NUL in query", "timeline", "GET", endpoint + "?publisher=a%00b", null, null));
            cases.add(new Case(e + ": unknown parameter", "timeline", "GET", endpoint + "?" + encode(html) + "=1", null, null));
            cases.add(new Case(e + ": oversized header", "timeline", "GET", endpoint, null, null,
                    Map.of("X-Padding", hugeHeader)));
            cases.add(new Case(e + ": oversized query", "timeline", "GET", endpoint + "?q=" + "q".repeat(100_000), null, null));
        }
        cases.add(new Case("timeline: limit below one", "timeline", "GET", "/api/timeline?limit=-1", null, null));
        cases.add(new Case("timeline: huge limit", "timeline", "GET", "/api/timeline?limit=99999999999999999999999", null, null));
        cases.add(new Case("timeline: forged cursor", "timeline", "GET", "/api/timeline?cursor=" + encode(sql), null, null));
        cases.add(new Case("timeline: long search", "timeline", "GET", "/api/timeline?q=" + encode("war ".repeat(1_000)), null, null));
        cases.add(new Case("timeline: relevance without search", "timeline", "GET", "/api/timeline?sort=relevance", null, null));
        cases.add(new Case("timeline: SQL in q and sort", "timeline", "GET", "/api/timeline?q=x&sort=" + encode(sql), null, null));
        cases.add(new Case("timeline: SQL as id", "timeline", "GET", "/api/announcements/" + encode(sql), null, null));
        cases.add(new Case("timeline: stream with SQL filter", "timeline", "GET", "/api/stream?country=" + encode(sql), null, null));

        String endpoint = "/api/subscriptions";
        cases.add(new Case("subscriptions: 2 MiB", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":\"https://example.org/" + "a".repeat(2 * 1024 * 1024) + "\"}")));
        cases.add(new Case("subscriptions: binary", "notify", "POST", endpoint, "application/json", binary));
        cases.add(new Case("subscriptions: binary as octet-stream", "notify", "POST", endpoint, "application/octet-stream", binary));
        cases.add(new Case("subscriptions: invalid UTF-8", "notify", "POST", endpoint, "application/json", invalidUtf8));
        cases.add(new Case("subscriptions: deeply nested arrays", "notify", "POST", endpoint, "application/json", utf8(nestedArrays)));
        cases.add(new Case("subscriptions: deeply nested objects", "notify", "POST", endpoint, "application/json", utf8(nestedObjects)));
        cases.add(new Case("subscriptions: HTML with scripts", "notify", "POST", endpoint, "application/json", utf8(html)));
        cases.add(new Case("subscriptions: HTML as text", "notify", "POST", endpoint, "text/html", utf8(html)));
        cases.add(new Case("subscriptions: script URL", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", "javascript:alert(1)")))));
        cases.add(new Case("subscriptions: cloud metadata URL", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", "http://169.254.169.254/latest/meta-data/")))));
        cases.add(new Case("subscriptions: loopback URL", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", "http://127.0.0.1:8081/api/announcements")))));
        cases.add(new Case("subscriptions: header injection in URL", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", headerInjection)))));
        cases.add(new Case("subscriptions: header injection in secret", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", "https://example.org/hook", "secret", "whsec_AAAA\r\nX-Evil: 1")))));
        cases.add(new Case("subscriptions: header injection in email", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("email", "a@example.org\r\nBcc: victim@example.org")))));
        cases.add(new Case("subscriptions: SQL in countries", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":\"https://example.org/hook\",\"countries\":[\"" + sql + "\"]}")));
        cases.add(new Case("subscriptions: script in kinds", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":\"https://example.org/hook\",\"kinds\":[\"<script>\"]}")));
        cases.add(new Case("subscriptions: 100 kB keyword", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":\"https://example.org/hook\",\"keywords\":[\"" + "k".repeat(100_000) + "\"]}")));
        cases.add(new Case("subscriptions: numbers for strings", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":1e999,\"countries\":[null]}")));
        cases.add(new Case("subscriptions: duplicate keys", "notify", "POST", endpoint, "application/json",
                utf8("{\"webhook_url\":\"https://example.org/a\",\"webhook_url\":\"http://127.0.0.1/\"}")));
        cases.add(new Case("subscriptions: empty", "notify", "POST", endpoint, "application/json", new byte[0]));
        cases.add(new Case("subscriptions: oversized header", "notify", "POST", endpoint, "application/json",
                utf8(json(Map.of("webhook_url", "https://example.org/hook"))), Map.of("X-Padding", hugeHeader)));
        cases.add(new Case("subscriptions: SQL as id", "notify", "GET", endpoint + "/" + encode(sql), null, null));
        cases.add(new Case("subscriptions: SQL as id, forged token", "notify", "GET", endpoint + "/" + encode(sql), null,
                null, Map.of("Authorization", "Bearer ' OR 1=1 --")));
        cases.add(new Case("subscriptions: list without operator token", "notify", "GET", endpoint + "?limit=" + encode(sql),
                null, null));
        cases.add(new Case("subscriptions: PATCH with SQL id", "notify", "PATCH", endpoint + "/" + encode(sql),
                "application/json", utf8("{\"countries\":[\"UA\"]}")));
        cases.add(new Case("subscriptions: DELETE with script id", "notify", "DELETE", endpoint + "/" + encode(html), null, null));
        cases.add(new Case("deliveries: retry with SQL id", "notify", "POST", "/api/deliveries/" + encode(sql) + "/retry",
                "application/json", utf8("{}")));
        return cases;
    }

    static HttpResponse<String> send(Case c, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.url(c.service()) + c.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()))
                .header("X-Forwarded-For", forwardedFor);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        c.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // a server may close the connection on a request it refuses outright (oversized head) while we are
            // still sending: that is a refusal too, but only if the service is still there and healthy
            assertThat(health(c.service())).as("%s after %s: %s", c.service(), c.name(), e).isEqualTo(200);
            return new ClosedConnection(c, e);
        }
    }

    private static int health(String service) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.url(service) + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String stored : STORED) {
            String[] dbAndTable = stored.split(":");
            try (Connection c = DriverManager.getConnection(system.postgres().jdbcUrl(dbAndTable[0]),
                    LocalPostgres.USER, LocalPostgres.PASSWORD);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from " + dbAndTable[1])) {
                rs.next();
                counts.put(stored, rs.getLong(1));
            }
        }
        return counts;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Map<String, String> fields) {
        return AnnouncementJson.write(fields);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Stands for the answer when the server refused by closing the connection (431 semantics, no body). */
    private record ClosedConnection(Case c, Exception e) implements HttpResponse<String> {
        public int statusCode() {
            return 431;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        public String body() {
            return "(connection closed: " + e + ")";
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public URI uri() {
            return URI.create(system.url(c.service()) + c.pathAndQuery());
        }

        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
