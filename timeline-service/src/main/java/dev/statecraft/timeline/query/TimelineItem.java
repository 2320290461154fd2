package dev.statecraft.timeline.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** One announcement as the timeline lists it; the full record is at {@code /api/announcements/{id}}. */
public record TimelineItem(
        String id,
        int revision,
        @JsonProperty("published_at") Instant publishedAt,
        String kind,
        String title,
        String summary,
        String publisher,
        @JsonProperty("source_url") String sourceUrl,
        List<String> countries,
        List<String> organisations,
        List<String> persons) {
}
