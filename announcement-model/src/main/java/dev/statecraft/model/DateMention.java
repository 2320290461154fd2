package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A date the text mentions, resolved against the publication date. {@code date} is ISO-8601 cut to its
 * precision: {@code 2025-05-19}, {@code 2025-05} or {@code 2025}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DateMention(String date, Precision precision, String text, String about, List<Span> spans) {
    public DateMention {
        spans = Lists.copy(spans);
    }
}
