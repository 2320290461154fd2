package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where an announcement came from. {@code format}: text, html, govuk-content, json. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Source(String url, String publisher, String format) {
}
