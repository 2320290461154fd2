package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A sanctions action; {@code action} is imposed, lifted or extended; {@code regime} where the text states it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Sanction(String action, List<SanctionTarget> targets, String regime, List<Span> spans) {
    public Sanction {
        targets = Lists.copy(targets);
        spans = Lists.copy(spans);
    }
}
