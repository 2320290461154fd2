package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Who or what a sanction names; {@code type} is person, entity or vessel. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SanctionTarget(String name, String type) {
}
