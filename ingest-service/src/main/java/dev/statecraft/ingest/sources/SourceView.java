package dev.statecraft.ingest.sources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A source as the API shows it: its settings and how its polling goes. */
public record SourceView(
        long id,
        String name,
        @JsonProperty("feed_url") String feedUrl,
        String publisher,
        @JsonProperty("poll_interval_seconds") int pollIntervalSeconds,
        boolean enabled,
        @JsonProperty("created_at") Instant createdAt,
        Status status) {

    public record Status(
            @JsonProperty("last_poll_at") Instant lastPollAt,
            @JsonProperty("last_success_at") Instant lastSuccessAt,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("last_error_at") Instant lastErrorAt,
            @JsonProperty("consecutive_errors") int consecutiveErrors,
            @JsonProperty("items_seen") long itemsSeen,
            @JsonProperty("items_ingested") long itemsIngested,
            @JsonProperty("next_poll_at") Instant nextPollAt,
            @JsonProperty("conditional_get") boolean conditionalGet) {
    }

    static SourceView of(FeedSource s) {
        return new SourceView(s.id, s.name, s.feedUrl, s.publisher, s.pollIntervalSeconds, s.enabled, s.createdAt,
                new Status(s.lastPollAt, s.lastSuccessAt, s.lastError, s.lastErrorAt, s.consecutiveErrors,
                        s.itemsSeen, s.itemsIngested, s.enabled ? s.nextPollAt : null,
                        s.etag != null || s.lastModified != null));
    }
}
