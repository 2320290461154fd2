package dev.statecraft.support.admin.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** One record of a dead-letter topic: what it was, why it failed, where it came from, whether it was re-driven. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, String payload,
        String reason, String cause, @JsonProperty("original_topic") String originalTopic,
        @JsonProperty("original_partition") Integer originalPartition,
        @JsonProperty("original_offset") Long originalOffset, Map<String, String> headers,
        @JsonProperty("redriven_at") Instant redrivenAt, @JsonProperty("redriven_by") String redrivenBy) {

    DeadLetter redriven(Instant at, String by) {
        return new DeadLetter(topic, partition, offset, timestamp, key, payload, reason, cause, originalTopic,
                originalPartition, originalOffset, headers, at, by);
    }
}
