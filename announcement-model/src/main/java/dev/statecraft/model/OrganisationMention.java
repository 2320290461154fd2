package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An international organisation or body (EU, NATO, UN, European Council, …); never a country. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganisationMention(String id, String name, List<Span> spans) {
    public OrganisationMention {
        spans = Lists.copy(spans);
    }
}
