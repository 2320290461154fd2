package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Quoted speech; {@code speaker} as the text names it (a role when no name is given). Paragraphs joined by a newline. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Quote(String speaker, String text, List<Span> spans) {
    public Quote {
        spans = Lists.copy(spans);
    }
}
