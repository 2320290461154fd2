package dev.statecraft.notify.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/**
 * What a backfill covers: the announcements topic's records from {@code from} (inclusive) to {@code to}
 * (exclusive; absent = up to the end when the job starts), by record time, for one subscription.
 */
public record BackfillRange(@JsonProperty("subscription_id") UUID subscriptionId, Instant from, Instant to) {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    record Request(String from, String to) {
    }

    static BackfillRange parse(UUID subscriptionId, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("empty-body", "Send {\"from\": \"2025-01-01\", \"to\": …}.");
        }
        Request r;
        try {
            r = JSON.readValue(body, Request.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "The range is not valid: " + e.getOriginalMessage());
        }
        if (r == null || r.from() == null) {
            throw ProblemException.invalidParameter("from", "'from' is required.");
        }
        Instant from = JsonBodies.instant("from", r.from());
        Instant to = r.to() == null ? null : JsonBodies.instant("to", r.to());
        if (to != null && !from.isBefore(to)) {
            throw ProblemException.invalidParameter("from", "'from' must be before 'to'.");
        }
        return new BackfillRange(subscriptionId, from, to);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BackfillRange fromJson(String json) {
        try {
            return JSON.readValue(json, BackfillRange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job parameters unreadable", e);
        }
    }
}
