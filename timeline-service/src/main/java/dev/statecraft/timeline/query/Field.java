package dev.statecraft.timeline.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * A filterable field of the contract: the query parameter, the column, and whether the column holds one value
 * or an array of them (which decides the SQL operator).
 */
public enum Field {
    COUNTRY("country", "countries", true),
    ORGANISATION("organisation", "organisations", true),
    PERSON("person", "persons", true),
    LOCATION("location", "locations", true),
    KIND("kind", "kind", false),
    PUBLISHER("publisher", "publisher", false);

    private final String parameter;
    private final String column;
    private final boolean array;

    Field(String parameter, String column, boolean array) {
        this.parameter = parameter;
        this.column = column;
        this.array = array;
    }

    public String parameter() {
        return parameter;
    }

    String column() {
        return column;
    }

    boolean array() {
        return array;
    }

    static Optional<Field> byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst();
    }
}
