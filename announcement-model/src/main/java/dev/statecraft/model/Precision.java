package dev.statecraft.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much of a date the text fixes. */
public enum Precision {
    DAY, MONTH, YEAR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Precision fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
