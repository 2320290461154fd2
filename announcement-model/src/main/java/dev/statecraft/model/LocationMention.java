package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A city or place with the country it lies in. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LocationMention(String name, String country, List<Span> spans) {
    public LocationMention {
        spans = Lists.copy(spans);
    }
}
