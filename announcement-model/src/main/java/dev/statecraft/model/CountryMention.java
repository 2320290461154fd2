package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A country (ISO 3166-1 alpha-2) and where the text names it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CountryMention(String code, List<Span> spans) {
    public CountryMention {
        spans = Lists.copy(spans);
    }
}
