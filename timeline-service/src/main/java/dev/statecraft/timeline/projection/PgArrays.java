package dev.statecraft.timeline.projection;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL array literals, for binding a text[] through JPA native queries. */
public final class PgArrays {
    private PgArrays() {
    }

    public static String literal(List<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
