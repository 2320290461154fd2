package dev.statecraft.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON mapping of the contract, shared by the producer and every reader. Thread-safe. */
public final class AnnouncementJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private AnnouncementJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an event value. Throws {@link InvalidEventException} when it is not JSON or lacks what every
     * reader relies on (id, revision ≥ 1, published_at, title).
     */
    public static Announcement readEvent(String json) {
        Announcement a;
        try {
            a = MAPPER.readValue(json, Announcement.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("not a valid announcement event: " + messageOf(e), e);
        }
        if (a == null) {
            throw new InvalidEventException("empty event value", null);
        }
        if (a.id() == null || a.id().isBlank()) {
            throw new InvalidEventException("event has no id", null);
        }
        if (a.revision() < 1) {
            throw new InvalidEventException("event revision must be >= 1, was " + a.revision(), null);
        }
        if (a.publishedAt() == null) {
            throw new InvalidEventException("event has no published_at", null);
        }
        if (a.title() == null) {
            throw new InvalidEventException("event has no title", null);
        }
        return a;
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageOf(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
