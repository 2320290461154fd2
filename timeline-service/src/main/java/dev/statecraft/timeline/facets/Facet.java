package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.query.Field;
import dev.statecraft.timeline.query.Filters;

/**
 * A dimension the facets count: the SQL value to group by, and the filters it is counted under, which are
 * the request's filters minus its own, so the counts show the alternatives to what is selected.
 */
enum Facet {
    COUNTRY("country", "unnest(countries)", Field.COUNTRY),
    KIND("kind", "kind", Field.KIND),
    ORGANISATION("organisation", "unnest(organisations)", Field.ORGANISATION),
    PERSON("person", "unnest(persons)", Field.PERSON),
    MONTH("month", "to_char(published_at at time zone 'UTC', 'YYYY-MM')", null);

    final String name;
    final String value;
    private final Field field;

    Facet(String name, String value, Field field) {
        this.name = name;
        this.value = value;
        this.field = field;
    }

    /** The filter this facet is counted without; null for the month (its own filter is the day range). */
    Field field() {
        return field;
    }

    Filters countedUnder(Filters filters) {
        return field == null ? filters.withoutPublicationDays() : filters.without(field);
    }

    /** Months read best in calendar order, the rest by count; ties by code point, as the index sorts them. */
    String order() {
        return this == MONTH ? "value desc" : "count desc, value collate \"C\"";
    }
}
