package dev.statecraft.timeline.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;

/**
 * One announcement as the timeline lists it; the full record is at {@code /api/announcements/{id}}.
 * {@code updated_at} is when this revision reached the timeline. Written by {@link TimelineItemJson}; the
 * annotations say the same for readers of the type (OpenAPI). {@code rank} and {@code snippet} (matches wrapped in {@code <mark>}) are present only when searching with q.
 */
@JsonSerialize(using = TimelineItemJson.class)
public record TimelineItem(
        String id,
        int revision,
        @JsonProperty("published_at") Instant publishedAt,
        @JsonProperty("updated_at") Instant updatedAt,
        String kind,
        String title,
        String summary,
        String publisher,
        @JsonProperty("source_url") String sourceUrl,
        List<String> countries,
        List<String> organisations,
        List<String> persons,
        List<String> locations,
        @JsonInclude(JsonInclude.Include.NON_NULL) Float rank,
        @JsonInclude(JsonInclude.Include.NON_NULL) String snippet) {
}
