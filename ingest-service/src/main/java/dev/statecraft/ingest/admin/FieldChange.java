package dev.statecraft.ingest.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** One top-level field of an announcement event whose value a re-parse changes. */
public record FieldChange(String field, JsonNode before, JsonNode after) {
}
