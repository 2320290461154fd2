package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/** A sum of money: {@code $450 billion} is 450000000000 USD (ISO 4217). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Amount(BigDecimal value, String currency, String text, List<Span> spans) {
    public Amount {
        spans = Lists.copy(spans);
    }
}
