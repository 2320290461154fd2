package dev.statecraft.timeline.query;

import dev.statecraft.model.Kind;
import dev.statecraft.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated timeline query: repeated values are OR within a field, fields AND together. Every invalid
 * parameter is a 400 naming it.
 */
public record TimelineQuery(List<String> countries, List<String> kinds, Instant from, Instant toExclusive, int limit,
        Cursor after) {

    public static final Set<String> PARAMETERS = Set.of("country", "kind", "from", "to", "limit", "cursor");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Where the previous page ended: the last item's sort key. */
    public record Cursor(Instant publishedAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((publishedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)
                        .split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalidParameter("cursor", "'" + value + "' is not a cursor from a 'next' link.");
            }
        }
    }

    public static TimelineQuery from(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.invalidParameter(name, "Unknown parameter '" + name + "'; known: "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()) + ".");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : values(parameters, "country")) {
            String code = c.trim().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                throw ProblemException.invalidParameter("country", "'" + c + "' is not an ISO 3166-1 alpha-2 country code.");
            }
            countries.add(code);
        }
        List<String> kinds = new ArrayList<>();
        for (String k : values(parameters, "kind")) {
            kinds.add(Kind.parse(k).orElseThrow(() -> ProblemException.invalidParameter("kind",
                    "'" + k + "' is not a kind; known: " + String.join(", ",
                            java.util.Arrays.stream(Kind.values()).map(Kind::wire).toList()) + ".")).wire());
        }
        Instant from = single(parameters, "from") == null ? null : day("from", single(parameters, "from"));
        String to = single(parameters, "to");
        Instant toExclusive = to == null ? null : day("to", to).plusSeconds(86_400);
        if (from != null && toExclusive != null && !from.isBefore(toExclusive)) {
            throw ProblemException.invalidParameter("to", "'to' must not be before 'from'.");
        }
        int limit = DEFAULT_LIMIT;
        String limitValue = single(parameters, "limit");
        if (limitValue != null) {
            try {
                limit = Integer.parseInt(limitValue.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.invalidParameter("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
            }
        }
        String cursor = single(parameters, "cursor");
        return new TimelineQuery(List.copyOf(countries), List.copyOf(kinds), from, toExclusive, limit,
                cursor == null ? null : Cursor.decode(cursor));
    }

    private static List<String> values(Map<String, List<String>> parameters, String name) {
        List<String> raw = parameters.getOrDefault(name, List.of());
        List<String> split = new ArrayList<>();
        for (String value : raw) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    split.add(part);
                }
            }
        }
        return split;
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalidParameter(name, "'" + name + "' may be given only once.");
        }
        return values.get(0);
    }

    private static Instant day(String parameter, String value) {
        try {
            return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "'" + value + "' is not a date (YYYY-MM-DD).");
        }
    }
}
