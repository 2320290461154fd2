package dev.statecraft.support.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One admin action as the audit log keeps it. {@code parameters} and {@code result} are JSON or text. */
public record AuditEntry(long id, Instant at, String operator, String action, String target, String parameters,
        int status, String result, @JsonProperty("duration_ms") long durationMs) {
}
