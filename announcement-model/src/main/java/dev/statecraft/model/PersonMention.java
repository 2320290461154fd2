package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A person, by full name where the text or the gazetteer gives one. {@code name} is null for a role the
 * text mentions without naming its holder ("the Foreign Secretary").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonMention(String name, String role, List<Span> spans) {
    public PersonMention {
        spans = Lists.copy(spans);
    }
}
