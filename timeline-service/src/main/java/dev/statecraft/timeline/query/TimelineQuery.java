package dev.statecraft.timeline.query;

import dev.statecraft.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated timeline query: the {@link Filters}, the order, and where the page starts. Every invalid
 * parameter is a 400 naming it.
 */
public record TimelineQuery(Filters filters, Sort sort, int limit, Cursor after) {

    public static final Set<String> PARAMETERS = parameters();
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** Newest first (the default), or best full-text match first (needs {@code q}). */
    public enum Sort {
        PUBLISHED, RELEVANCE
    }

    /**
     * Where the previous page ended: the last item's sort key, which is (published_at, id) or, by relevance,
     * (rank, id). The rank travels as Float.toString, which PostgreSQL reads back as the same real. By relevance
     * the key also carries the oldest of the ranked candidates (the first page ranks only the newest matches,
     * {@code statecraft.timeline.relevance-candidates}): later pages rank the matches from it on, so the set
     * the pages walk through does not slide when newer matches arrive.
     */
    public record Cursor(Sort sort, String key, String id) {
        private static final String WINDOW = "@";

        /** A relevance cursor: the last item's rank and id, and the oldest candidate (null: rank the newest). */
        public static Cursor relevance(float rank, String id, Window window) {
            String key = Float.toString(rank);
            if (window != null) {
                key += WINDOW + window.publishedAt() + WINDOW + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(window.id().getBytes(StandardCharsets.UTF_8));
            }
            return new Cursor(Sort.RELEVANCE, key, id);
        }

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((sort.name().charAt(0) + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value, Sort sort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)
                        .split("\\|", 3);
                if (parts[0].charAt(0) != sort.name().charAt(0)) {
                    throw new IllegalArgumentException("cursor of another sort");
                }
                Cursor cursor = new Cursor(sort, parts[1], parts[2]);
                if (sort == Sort.PUBLISHED) {
                    cursor.publishedAt();
                } else {
                    cursor.rank();
                    cursor.window();
                }
                return cursor;
            } catch (RuntimeException e) {
                throw ProblemException.invalidParameter("cursor", "'" + value + "' is not a cursor from a 'next' link"
                        + " of this query.");
            }
        }

        Instant publishedAt() {
            return Instant.parse(key);
        }

        float rank() {
            return Float.parseFloat(key.split(WINDOW, 2)[0]);
        }

        /** The oldest candidate the first page ranked, or null (a cursor without one: rank the newest again). */
        Window window() {
            String[] parts = key.split(WINDOW, 3);
            if (parts.length < 3) {
                return null;
            }
            return new Window(Instant.parse(parts[1]),
                    new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        }
    }

    /** The oldest (published_at, id) among the matches a relevance query ranks. */
    public record Window(Instant publishedAt, String id) {
    }

    public static TimelineQuery from(Map<String, List<String>> parameters) {
        rejectUnknown(parameters, PARAMETERS);
        Filters filters = Filters.from(parameters);
        Sort sort = sort(Filters.single(parameters, "sort"), filters);
        int limit = DEFAULT_LIMIT;
        String limitValue = Filters.single(parameters, "limit");
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
        String cursor = Filters.single(parameters, "cursor");
        return new TimelineQuery(filters, sort, limit, cursor == null ? null : Cursor.decode(cursor, sort));
    }

    /** Only the names in {@code known}: a typo must not silently widen the result. */
    public static void rejectUnknown(Map<String, List<String>> parameters, Set<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.invalidParameter(name, "Unknown parameter '" + name + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    private static Sort sort(String value, Filters filters) {
        if (value == null) {
            return Sort.PUBLISHED;
        }
        Sort sort = switch (value.trim()) {
            case "published" -> Sort.PUBLISHED;
            case "relevance" -> Sort.RELEVANCE;
            default -> throw ProblemException.invalidParameter("sort", "'" + value
                    + "' is not a sort; known: published, relevance.");
        };
        if (sort == Sort.RELEVANCE && filters.q() == null) {
            throw ProblemException.invalidParameter("sort", "'sort=relevance' needs a search text 'q'.");
        }
        return sort;
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(Filters.PARAMETERS);
        names.addAll(List.of("sort", "limit", "cursor"));
        return Set.copyOf(names);
    }
}
