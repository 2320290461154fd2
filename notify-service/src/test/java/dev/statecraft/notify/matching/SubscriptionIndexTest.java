package dev.statecraft.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The index selects exactly what the filters' definition (brute force over every subscription) selects. */
class SubscriptionIndexTest {
    private static final List<String> COUNTRIES = List.of("GB", "UA", "NO", "SE", "FR", "IR");
    private static final List<String> KINDS = List.of("visit", "summit", "sanctions_imposed", "statement");
    private static final List<String> KEYWORDS = List.of("Iran", "arms embargo", "shadow fleet", "İstanbul", "straſse",
            "NATO", "Kaja Kallas", "U.S.", "Iran's", "fleet");
    private static final List<String> TEXTS = List.of(
            "The Foreign Secretary met IRAN's envoy about the ARMS\n  EMBARGO.",
            "Iranian officials in istanbul discussed the Shadow Fleet.",
            "NATO allies and the U.S. on the strasse; Kaja  Kallas spoke.",
            "Nothing relevant here: fleets, embargoes, Iranians.",
            "");

    private static boolean definition(SubscriptionIndex.Entry e, List<String> countries, String kind, String text) {
        return (e.countries().isEmpty() || !Collections.disjoint(e.countries(), countries))
                && (e.kinds().isEmpty() || e.kinds().contains(kind))
                && KeywordMatcher.anyMatches(e.keywords(), text);
    }

    private static List<String> some(Random random, List<String> from) {
        List<String> picked = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String s = from.get(random.nextInt(from.size()));
            if (!picked.contains(s)) {
                picked.add(s);
            }
        }
        return picked;
    }

    @Test
    void selectsExactlyWhatTheFiltersDefine() {
        Random random = new Random(7);
        List<SubscriptionIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            entries.add(new SubscriptionIndex.Entry(UUID.randomUUID(), some(random, COUNTRIES), some(random, KINDS),
                    some(random, KEYWORDS)));
        }
        SubscriptionIndex index = SubscriptionIndex.of(entries);
        int nonEmpty = 0;
        for (String text : TEXTS) {
            for (String kind : KINDS) {
                for (List<String> countries : List.of(List.<String>of(), List.of("GB"), List.of("UA", "IR"),
                        List.of("XX"))) {
                    List<UUID> expected = entries.stream().filter(e -> definition(e, countries, kind, text))
                            .map(SubscriptionIndex.Entry::id).toList();
                    List<UUID> actual = index.match(countries, kind, text);
                    assertThat(actual).as("%s %s %s", countries, kind, text).containsExactlyInAnyOrderElementsOf(expected);
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(nonEmpty).isGreaterThan(50);
    }

    @Test
    void caseFoldingPreCheckKeepsTheRegexCaseInsensitivity() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(
                new SubscriptionIndex.Entry(new UUID(0, 1), List.of(), List.of(), List.of("istanbul")),
                new SubscriptionIndex.Entry(new UUID(0, 2), List.of(), List.of(), List.of("strasse")),
                new SubscriptionIndex.Entry(new UUID(0, 3), List.of(), List.of(), List.of("arms embargo"))));
        String text = "In İSTANBUL on the STRAſSE: ARMS\tEMBARGO";
        List<UUID> expected = new ArrayList<>();
        for (String k : List.of("istanbul", "strasse", "arms embargo")) {
            if (KeywordMatcher.anyMatches(List.of(k), text)) {
                expected.add(new UUID(0, List.of("istanbul", "strasse", "arms embargo").indexOf(k) + 1));
            }
        }
        assertThat(expected).contains(new UUID(0, 3));
        assertThat(index.match(List.of(), "visit", text)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
