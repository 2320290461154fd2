package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/** A counted thing that is not money: {@code over 120,000 soldiers}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Quantity(BigDecimal value, String unit, String text, List<Span> spans) {
    public Quantity {
        spans = Lists.copy(spans);
    }
}
