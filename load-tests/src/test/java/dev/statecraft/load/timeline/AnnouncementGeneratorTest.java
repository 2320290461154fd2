package dev.statecraft.load.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.PersonMention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnouncementGeneratorTest {
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Announcement> generate(long seed, int n) {
        AnnouncementGenerator generator = new AnnouncementGenerator(seed, END);
        List<Announcement> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(generator.next());
        }
        return events;
    }

    @Test
    void eventsPassTheContractReaderUnchangedAndTheirSpansPointAtTheNames() {
        for (Announcement a : generate(1, 2000)) {
            String json = AnnouncementJson.write(a);
            assertThat(AnnouncementJson.readEvent(json)).isEqualTo(a);
            assertThat(a.countries()).isNotEmpty();
            for (CountryMention c : a.countries()) {
                assertThat(c.code()).matches("[A-Z]{2}");
                assertThat(c.spans()).hasSize(1);
            }
            for (PersonMention p : a.persons()) {
                var span = p.spans().get(0);
                assertThat(a.bodyText().substring(span.start(), span.end())).isEqualTo(p.name());
                assertThat(p.role()).isNotBlank();
            }
            assertThat(a.publishedAt()).isBetween(END.minus(AnnouncementGenerator.SPAN), END);
        }
    }

    @Test
    void distributionsAreSkewedLikeNewsAndRevisionsFollowTheirFirstRevision() {
        List<Announcement> events = generate(2, 20_000);
        Map<String, Integer> countries = new HashMap<>();
        Map<Kind, Integer> kinds = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int revisions = 0;
        Instant earliest = END;
        for (Announcement a : events) {
            a.countryCodes().forEach(c -> countries.merge(c, 1, Integer::sum));
            kinds.merge(a.kind(), 1, Integer::sum);
            if (a.revision() == 2) {
                revisions++;
                assertThat(seen).contains(a.id());
            } else {
                assertThat(seen.add(a.id())).isTrue();
            }
            earliest = a.publishedAt().isBefore(earliest) ? a.publishedAt() : earliest;
        }
        // Zipf: the top country far more often than one in the tail, but the tail is there.
        assertThat(countries.get("UA")).isGreaterThan(10 * countries.getOrDefault("ML", 1));
        assertThat(countries).hasSizeGreaterThan(50);
        assertThat(kinds.get(Kind.STATEMENT)).isBetween(5_000, 7_000);
        assertThat(kinds).hasSize(Kind.values().length);
        assertThat(revisions).isBetween(500, 1_500);
        assertThat(Duration.between(earliest, END).toDays()).isGreaterThan(3_500);
    }

    @Test
    void sameSeedSameEvents() {
        assertThat(generate(3, 500)).isEqualTo(generate(3, 500));
    }
}
