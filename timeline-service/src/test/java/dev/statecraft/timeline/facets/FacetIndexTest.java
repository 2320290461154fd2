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

    /**
     * Pages named by the index against a brute-force reference over random entries (many share an instant,
     * revisions move some), for random filters and cursors, across both strategies (walking a small filter,
     * month by month then day by day for a large one).
     */
    @Test
    void namesTheNewestEntriesOfAPage() {
        FacetIndex index = new FacetIndex();
        java.util.Random random = new java.util.Random(3);
        String[] countries = {"GB", "FR", "UA", "PL"};
        String[] kinds = {"visit", "aid", "statement"};
        Map<String, Object[]> entries = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            String id = "e" + random.nextInt(25_000);
            // two-hour steps over about 7 years: ties on the instant are common
            Instant at = Instant.parse("2019-01-01T00:00:00Z").plusSeconds(7_200L * random.nextInt(30_000));
            String country = countries[random.nextInt(random.nextInt(4) + 1)];
            String kind = kinds[random.nextInt(3)];
            index.put(id, kind, at, new String[] {country}, new String[0], new String[0], i + 1);
            entries.put(id, new Object[] {at, country, kind});
        }
        for (int round = 0; round < 400; round++) {
            String country = countries[random.nextInt(4)];
            String kind = kinds[random.nextInt(3)];
            String other = countries[random.nextInt(4)];
            int shape = random.nextInt(8);
            Filters f = switch (shape) {
                case 0 -> filters("country", country);
                case 1 -> filters("country", country, "kind", kind);
                case 2 -> filters("-kind", kind);
                // thousands of matches: named month by month, only the months inside the range
                case 3 -> filters("-kind", kind, "from", "2020-02-15", "to", "2022-11-20");
                // several conditions on each month: a list, an exclusion and a range inside months
                case 5 -> filters("country", country + "," + other, "-kind", kind, "from", "2019-06-10", "to",
                        "2023-01-05");
                // open-ended ranges
                case 6 -> filters("kind", kind, "from", "2024-07-17");
                case 7 -> filters("country", country, "to", "2020-05-03");
                default -> filters("country", country, "from", "2021-03-01", "to", "2021-03-09");
            };
            Instant cursor = random.nextBoolean() ? null
                    : Instant.parse("2019-01-01T00:00:00Z").plusSeconds(7_200L * random.nextInt(30_000));
            int n = 1 + random.nextInt(80);
            List<Map.Entry<String, Object[]>> matching = entries.entrySet().stream().filter(e -> {
                Object[] v = e.getValue();
                Instant at = (Instant) v[0];
                boolean ok = switch (shape) {
                    case 0 -> v[1].equals(country);
                    case 1 -> v[1].equals(country) && v[2].equals(kind);
                    case 2 -> !v[2].equals(kind);
                    case 3 -> !v[2].equals(kind) && !at.isBefore(Instant.parse("2020-02-15T00:00:00Z"))
                            && at.isBefore(Instant.parse("2022-11-21T00:00:00Z"));
                    case 5 -> (v[1].equals(country) || v[1].equals(other)) && !v[2].equals(kind)
                            && !at.isBefore(Instant.parse("2019-06-10T00:00:00Z"))
                            && at.isBefore(Instant.parse("2023-01-06T00:00:00Z"));
                    case 6 -> v[2].equals(kind) && !at.isBefore(Instant.parse("2024-07-17T00:00:00Z"));
                    case 7 -> v[1].equals(country) && at.isBefore(Instant.parse("2020-05-04T00:00:00Z"));
                    default -> v[1].equals(country) && !at.isBefore(Instant.parse("2021-03-01T00:00:00Z"))
                            && at.isBefore(Instant.parse("2021-03-10T00:00:00Z"));
                };
                return ok && (cursor == null || !at.isAfter(cursor));
            }).sorted((a, b) -> ((Instant) b.getValue()[0]).compareTo((Instant) a.getValue()[0])).toList();
            long atCursor = matching.stream().filter(e -> e.getValue()[0].equals(cursor)).count();
            int end = (int) Math.min(matching.size(), atCursor + n);
            while (end > 0 && end < matching.size()
                    && matching.get(end).getValue()[0].equals(matching.get(end - 1).getValue()[0])) {
                end++;
            }
            List<String> expected = matching.subList(0, end).stream().map(Map.Entry::getKey).toList();
            FacetIndex.Newest named = index.newest(f, cursor == null ? null : cursor.getEpochSecond() * 1_000_000L, n);
            assertThat(named.ids()).as("round " + round).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(named.ids().stream().map(id -> (Instant) entries.get(id)[0]).toList())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(named.lastChange()).isEqualTo(30_000);
        }
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

    /**
     * More values than a facet lists, many with equal counts across the cut: the selected top values are the
     * first {@link FacetsRepository#MAX_VALUES} of a full sort by count, then code point (as the SQL facets
     * order them), and months stay newest first; also under an exclusion, which is subtracted last.
     */
    @Test
    void listsTheTopValuesOfAFullSortWithTiesAtTheCut() {
        FacetIndex index = new FacetIndex();
        java.util.Random random = new java.util.Random(5);
        Map<String, Long> expected = new HashMap<>();
        Map<String, Long> expectedWithoutAid = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            // 300 people, ~10 entries each: many equal counts across the cut, ordered by 'B' < 'b' < 'Ä'
            String person = (i % 7 == 0 ? "\u00C4" : i % 5 == 0 ? "b" : "B") + "-" + random.nextInt(300);
            String kind = i % 3 == 0 ? "aid" : "visit";
            index.put("id-" + i, kind, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(86_400L * (i % 900)),
                    new String[] {"GB"}, new String[0], new String[] {person});
            expected.merge(person, 1L, Long::sum);
            if (!kind.equals("aid")) {
                expectedWithoutAid.merge(person, 1L, Long::sum);
            }
        }
        assertThat(index.count(filters()).facets().get("person")).isEqualTo(fullSortTop(expected));
        assertThat(index.count(filters("country", "GB", "-kind", "aid")).facets().get("person"))
                .isEqualTo(fullSortTop(expectedWithoutAid));
        List<Count> months = index.count(filters("country", "GB")).facets().get("month");
        assertThat(months).hasSize(30); // 2020-01 to 2022-06
        assertThat(months.get(0).value()).isEqualTo("2022-06");
        assertThat(months.get(1).value()).isEqualTo("2022-05");
    }

    private static List<Count> fullSortTop(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(Count::count).reversed()
                        .thenComparing(Count::value, FacetIndex::compareCodePoints))
                .limit(FacetsRepository.MAX_VALUES).toList();
    }

    static Filters filters(String... parameters) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.computeIfAbsent(parameters[i], k -> new java.util.ArrayList<>()).add(parameters[i + 1]);
        }
        return Filters.from(map);
    }
}
