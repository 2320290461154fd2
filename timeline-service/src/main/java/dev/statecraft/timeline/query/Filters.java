package dev.statecraft.timeline.query;

import dev.statecraft.model.Kind;
import dev.statecraft.support.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the timeline, facets and feeds are filtered by. Repeated values of one field are OR, fields AND
 * together; a parameter named {@code -field} excludes its values. {@code from}/{@code to} bound the
 * publication day, {@code event_from}/{@code event_to} the days the text mentions (inclusive).
 */
public record Filters(Map<Field, List<String>> include, Map<Field, List<String>> exclude, Instant from,
        Instant toExclusive, LocalDate eventFrom, LocalDate eventTo, String q) {

    public static final Set<String> PARAMETERS = parameters();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_VALUE_LENGTH = 500;

    public Filters {
        include = Map.copyOf(include);
        exclude = Map.copyOf(exclude);
    }

    /** Reads the filter parameters; the caller has already rejected names it does not know. */
    public static Filters from(Map<String, List<String>> parameters) {
        Map<Field, List<String>> include = new EnumMap<>(Field.class);
        Map<Field, List<String>> exclude = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            List<String> in = values(parameters, field, field.parameter());
            List<String> out = values(parameters, field, "-" + field.parameter());
            if (!in.isEmpty()) {
                include.put(field, in);
            }
            if (!out.isEmpty()) {
                exclude.put(field, out);
            }
        }
        Instant from = day(parameters, "from");
        Instant to = day(parameters, "to");
        Instant toExclusive = to == null ? null : to.plusSeconds(86_400);
        if (from != null && toExclusive != null && !from.isBefore(toExclusive)) {
            throw ProblemException.invalidParameter("to", "'to' must not be before 'from'.");
        }
        Instant eventFrom = day(parameters, "event_from");
        Instant eventTo = day(parameters, "event_to");
        if (eventFrom != null && eventTo != null && eventTo.isBefore(eventFrom)) {
            throw ProblemException.invalidParameter("event_to", "'event_to' must not be before 'event_from'.");
        }
        String q = single(parameters, "q");
        if (q != null && (q.isBlank() || q.length() > MAX_VALUE_LENGTH)) {
            throw ProblemException.invalidParameter("q", "'q' must be 1 to " + MAX_VALUE_LENGTH + " characters.");
        }
        rejectNul("q", q);
        return new Filters(include, exclude, from, toExclusive, date(eventFrom), date(eventTo),
                q == null ? null : q.trim());
    }

    /** The same filters without any condition on {@code field}: a facet's alternatives. */
    public Filters without(Field field) {
        Map<Field, List<String>> in = new EnumMap<>(Field.class);
        Map<Field, List<String>> out = new EnumMap<>(Field.class);
        in.putAll(include);
        out.putAll(exclude);
        in.remove(field);
        out.remove(field);
        return new Filters(in, out, from, toExclusive, eventFrom, eventTo, q);
    }

    /** The same filters without the publication-day bounds. */
    public Filters withoutPublicationDays() {
        return new Filters(include, exclude, null, null, eventFrom, eventTo, q);
    }

    private static Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : Field.values()) {
            names.add(field.parameter());
            names.add("-" + field.parameter());
        }
        names.addAll(List.of("from", "to", "event_from", "event_to", "q"));
        return Set.copyOf(names);
    }

    private static List<String> values(Map<String, List<String>> parameters, Field field, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : parameters.getOrDefault(name, List.of())) {
            // Codes may also come comma-separated; names may contain commas ("Washington, D.C."), so they may not.
            List<String> parts = field == Field.COUNTRY || field == Field.KIND ? Arrays.asList(raw.split(","))
                    : List.of(raw);
            for (String part : parts) {
                values.add(value(field, name, part));
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static String value(Field field, String name, String raw) {
        String v = raw.trim();
        switch (field) {
            case COUNTRY -> {
                String code = v.toUpperCase(Locale.ROOT);
                if (!COUNTRIES.contains(code)) {
                    throw ProblemException.invalidParameter(name, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code.");
                }
                return code;
            }
            case KIND -> {
                return Kind.parse(v).orElseThrow(() -> ProblemException.invalidParameter(name, "'" + raw
                        + "' is not a kind; known: "
                        + String.join(", ", Arrays.stream(Kind.values()).map(Kind::wire).toList()) + ".")).wire();
            }
            default -> {
                if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH) {
                    throw ProblemException.invalidParameter(name, "'" + name + "' must be 1 to " + MAX_VALUE_LENGTH
                            + " characters.");
                }
                rejectNul(name, v);
                return v;
            }
        }
    }

    /** PostgreSQL text cannot hold U+0000: a NUL would fail the query (a 500) instead of matching nothing. */
    private static void rejectNul(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ProblemException.invalidParameter(name, "'" + name + "' must not contain NUL characters.");
        }
    }

    static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(name, "'" + name + "' may be given only once.");
        }
        return values.get(0);
    }

    private static Instant day(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(name, "'" + value + "' is not a date (YYYY-MM-DD).");
        }
    }

    private static LocalDate date(Instant startOfDay) {
        return startOfDay == null ? null : LocalDate.ofInstant(startOfDay, ZoneOffset.UTC);
    }
}
