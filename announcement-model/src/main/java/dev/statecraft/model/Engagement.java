package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A visit, meeting or summit the text mentions; {@code date} in the form of {@link DateMention#date()}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Engagement(Kind kind, String title, String date, String place) {
}
