package dev.statecraft.timeline.facets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.timeline.facets.FacetsRepository.Count;
import dev.statecraft.timeline.facets.FacetsRepository.Facets;
import dev.statecraft.timeline.query.Filters;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory facet counting on its own: filters as bitsets, each facet without its own filter. */
class FacetIndexTest {

    @Test
    void countsEachFacetWithoutItsOwnFilterAndFollowsRevisions() {
        FacetIndex index = new FacetIndex();
        index.put("a", "visit", Instant.parse("2025-03-01T09:00:00Z"), new String[] {"GB", "FR"},
                new String[] {"EU"}, new String[] {"Ada"});
        index.put("b", "statement", Instant.parse("2025-03-01T23:59:59Z"), new String[] {"GB"},
                new String[] {"EU"}, new String[] {"Bob"});
        index.put("c", "visit", Instant.parse("2025-04-10T00:00:00Z"), new String[] {"GB"}, new String[] {"EU"},
                new String[] {});
        index.put("d", "visit", Instant.parse("2025-03-01T11:00:00Z"), new String[] {"GB"}, new String[] {"NATO"},
                new String[] {});

        Facets f = index.count(filters("organisation", "EU", "country", "GB", "from", "2025-03-01", "to",
                "2025-03-01"));
        assertThat(f.total()).isEqualTo(2);
        assertThat(f.facets().get("country")).containsExactly(new Count("GB", 2), new Count("FR", 1));
        assertThat(f.facets().get("organisation")).containsExactly(new Count("EU", 2), new Count("NATO", 1));
        assertThat(f.facets().get("kind")).containsExactly(new Count("statement", 1), new Count("visit", 1));
        assertThat(f.facets().get("person")).containsExactly(new Count("Ada", 1), new Count("Bob", 1));
        assertThat(f.facets().get("month")).containsExactly(new Count("2025-04", 1), new Count("2025-03", 2));

        Facets excluded = index.count(filters("-kind", "statement", "-country", "FR"));
        assertThat(excluded.total()).isEqualTo(2);
        assertThat(excluded.facets().get("kind")).containsExactly(new Count("visit", 2), new Count("statement", 1));

        // A newer revision moves "a" to another country and kind: old values are no longer counted.
        index.put("a", "aid", Instant.parse("2025-04-01T00:00:00Z"), new String[] {"UA"}, new String[] {"EU"},
                new String[] {"Ada"});
        Facets all = index.count(filters());
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().get("country")).containsExactly(new Count("GB", 3), new Count("UA", 1));
        assertThat(all.facets().get("month")).containsExactly(new Count("2025-04", 2), new Count("2025-03", 2));
        assertThat(index.count(filters("country", "FR")).total()).isZero();
        assertThat(index.count(filters("country", "UA", "kind", "aid")).total()).isEqualTo(1);
        assertThat(index.count(filters("person", "Nobody")).facets().get("country")).isEmpty();
    }

    @Test
    void leavesToSqlWhatItCannotEvaluate() {
        assertThat(FacetIndex.supports(filters("country", "GB", "-person", "Ada", "from", "2025-01-01"))).isTrue();
        assertThat(FacetIndex.supports(filters("q", "sanctions"))).isFalse();
        assertThat(FacetIndex.supports(filters("publisher", "FCDO"))).isFalse();
        assertThat(FacetIndex.supports(filters("-location", "London"))).isFalse();
        assertThat(FacetIndex.supports(filters("event_from", "2025-01-01"))).isFalse();
    }

    @Test
    void tiesAreOrderedByCodePointAsPostgresCollationC() {
        assertThat(FacetIndex.compareCodePoints("B", "a")).isNegative();
        assertThat(FacetIndex.compareCodePoints("Z", "Ä")).isNegative();
        assertThat(FacetIndex.compareCodePoints("\uFFFD", "\uD83D\uDE00")).isNegative();
        assertThat(FacetIndex.compareCodePoints("ab", "abc")).isNegative();
    }

    static Filters filters(String... parameters) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.computeIfAbsent(parameters[i], k -> new java.util.ArrayList<>()).add(parameters[i + 1]);
        }
        return Filters.from(map);
    }
}
