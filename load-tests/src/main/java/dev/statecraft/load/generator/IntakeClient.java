package dev.statecraft.load.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.load.LoadVertx;
import dev.statecraft.model.AnnouncementJson;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Posts generated announcements to ingest-service's intake, as a client would. A Vert.x client on one event loop
 * over a bounded pool of kept-alive connections: the load tools run on the cores the system under test needs, and
 * the JDK's HttpClient cost about twice the CPU per request (load-tests/benchmarks/timeline-1m.txt, section 15).
 */
public final class IntakeClient implements AutoCloseable {
    /**
     * What the intake answered: {@code status} 202 (accepted) or 200 (already accepted, same id) with the id;
     * any other status, or 0 with {@code error} when no answer came (refused connection, timeout).
     */
    public record Outcome(int status, String id, String error) {
        public boolean accepted() {
            return (status == 202 || status == 200) && id != null;
        }
    }

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int CONNECTIONS = 64;

    private final Vertx vertx = LoadVertx.oneLoop();
    private final HttpClient http = LoadVertx.keptAliveClient(vertx, CONNECTIONS);
    private final String host;
    private final int port;

    public IntakeClient(String ingestBaseUrl) {
        URI base = URI.create(ingestBaseUrl);
        this.host = base.getHost();
        this.port = base.getPort();
    }

    public CompletableFuture<Outcome> post(GeneratedAnnouncement announcement) {
        return post(announcement.toIntakeJson());
    }

    /** Posts a document already in the intake's JSON shape ({@link GeneratedAnnouncement#toIntakeJson()}). */
    public CompletableFuture<Outcome> post(String intakeJson) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/announcements").setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("Content-Type", "application/json");
        // the body is asked for inside send's callback, on the event loop as the response arrives: asked for from a
        // callback chained outside, it can come after the body was read and dropped, an empty 2xx (vert.x #5904)
        return http.request(request)
                .compose(r -> r.send(Buffer.buffer(intakeJson))
                        .compose(response -> response.body()
                                .map(body -> outcome(response.statusCode(), body.toString()))))
                .toCompletionStage().toCompletableFuture()
                .exceptionally(e -> new Outcome(0, null, (e.getCause() != null ? e.getCause() : e).toString()));
    }

    private static Outcome outcome(int status, String body) {
        if (status == 202 || status == 200) {
            try {
                JsonNode answer = AnnouncementJson.read(body, JsonNode.class);
                return new Outcome(status, answer.path("id").asText(null), null);
            } catch (RuntimeException e) {
                // a 2xx whose body cannot be read; seen before the body was asked for on the response's tick
                return new Outcome(0, null, "answer " + status + " with an unreadable body of " + body.length()
                        + " chars: " + e.getClass().getSimpleName());
            }
        }
        return new Outcome(status, null, body.length() > 300 ? body.substring(0, 300) : body);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
