package dev.statecraft.load.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drill's own reading of the subscription rules, which the expected alerts rest on. */
class DrillSubscriptionTest {
    private static final Announcement VISIT_TO_KYIV = AnnouncementJson.readEvent("""
            {"id":"ann_1","revision":1,"published_at":"2025-03-18T00:00:00Z","kind":"visit",
             "title":"Foreign Secretary visits Kyiv",
             "body_text":"The Foreign Secretary arrived in Kyiv's centre to discuss energy\\nsecurity with Ukraine.",
             "countries":[{"code":"UA","spans":[]},{"code":"GB","spans":[]}]}
            """);

    @Test
    void fiftyDistinctFiltersOneOfThemEmpty() {
        List<DrillSubscription> all = DrillSubscription.fifty();
        assertThat(all).hasSize(50);
        assertThat(new HashSet<>(all.stream().map(s -> List.of(s.countries(), s.kinds(), s.keywords())).toList()))
                .as("distinct filters (some single-field filters repeat)").hasSizeGreaterThanOrEqualTo(35);
        assertThat(all.get(0).matches(VISIT_TO_KYIV)).isTrue();
    }

    @Test
    void fieldsAreAnyOfWithinAndAllOfAcross() {
        assertThat(new DrillSubscription(1, List.of("FR", "UA"), List.of(), List.of()).matches(VISIT_TO_KYIV)).isTrue();
        assertThat(new DrillSubscription(1, List.of("FR"), List.of(), List.of()).matches(VISIT_TO_KYIV)).isFalse();
        assertThat(new DrillSubscription(1, List.of("UA"), List.of("visit", "aid"), List.of()).matches(VISIT_TO_KYIV)).isTrue();
        assertThat(new DrillSubscription(1, List.of("UA"), List.of("aid"), List.of()).matches(VISIT_TO_KYIV)).isFalse();
    }

    @Test
    void keywordsAreWholePhrasesInAnyCaseAcrossWhiteSpace() {
        assertThat(matchesKeyword("kyiv")).isTrue();
        assertThat(matchesKeyword("Energy Security")).isTrue();
        assertThat(matchesKeyword("Kyi")).isFalse();
        assertThat(matchesKeyword("security of Ukraine")).isFalse();
        assertThat(matchesKeyword("NATO")).isFalse();
    }

    private static boolean matchesKeyword(String keyword) {
        return new DrillSubscription(1, List.of(), List.of(), List.of(keyword)).matches(VISIT_TO_KYIV);
    }
}
