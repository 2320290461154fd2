package dev.statecraft.load.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.model.AnnouncementJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts generated announcements to ingest-service's intake, as a client would. */
public final class IntakeClient {
    /**
     * What the intake answered: {@code status} 202 (accepted) or 200 (already accepted, same id) with the id;
     * any other status, or 0 with {@code error} when no answer came (refused connection, timeout).
     */
    public record Outcome(int status, String id, String error) {
        public boolean accepted() {
            return (status == 202 || status == 200) && id != null;
        }
    }

    private final HttpClient http;
    private final URI intake;

    public IntakeClient(String ingestBaseUrl) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.intake = URI.create(ingestBaseUrl + "/api/announcements");
    }

    public CompletableFuture<Outcome> post(GeneratedAnnouncement announcement) {
        return post(announcement.toIntakeJson());
    }

    /** Posts a document already in the intake's JSON shape ({@link GeneratedAnnouncement#toIntakeJson()}). */
    public CompletableFuture<Outcome> post(String intakeJson) {
        HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(intakeJson)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(IntakeClient::outcome)
                .exceptionally(e -> new Outcome(0, null, (e.getCause() != null ? e.getCause() : e).toString()));
    }

    private static Outcome outcome(HttpResponse<String> response) {
        if (response.statusCode() == 202 || response.statusCode() == 200) {
            JsonNode body = AnnouncementJson.read(response.body(), JsonNode.class);
            return new Outcome(response.statusCode(), body.path("id").asText(null), null);
        }
        String body = response.body();
        return new Outcome(response.statusCode(), null, body.length() > 300 ? body.substring(0, 300) : body);
    }
}
