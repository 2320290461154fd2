package dev.statecraft.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The main thing an announcement reports. Wire form is the lower-case name. */
public enum Kind {
    VISIT, MEETING, SUMMIT, SANCTIONS_IMPOSED, SANCTIONS_LIFTED, STATEMENT,
    DEFENCE_COOPERATION, AID, AGREEMENT, OTHER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown kinds from a newer producer read as {@link #OTHER} rather than failing the record. */
    @JsonCreator
    public static Kind fromWire(String value) {
        return parse(value).orElse(OTHER);
    }

    /** Strict lookup for user input, where an unknown kind is an error to report. */
    public static Optional<Kind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wire().equals(wanted)).findFirst();
    }
}
