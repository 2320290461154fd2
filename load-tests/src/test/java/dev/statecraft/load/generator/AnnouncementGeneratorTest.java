package dev.statecraft.load.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.parser.ParserInput;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnnouncementGeneratorTest {
    private static final AnnouncementParser PARSER = new AnnouncementParser();

    @Test
    void theSameSeedAndIndexGiveTheSameAnnouncement() {
        assertThat(new AnnouncementGenerator(7).generate(123)).isEqualTo(new AnnouncementGenerator(7).generate(123));
        assertThat(new AnnouncementGenerator(7).generate(123)).isNotEqualTo(new AnnouncementGenerator(8).generate(123));
    }

    @Test
    void everyAnnouncementHasItsOwnSourceUrlAndText() {
        List<GeneratedAnnouncement> all = new AnnouncementGenerator(1).first(10_000);
        assertThat(all.stream().map(GeneratedAnnouncement::sourceUrl).collect(Collectors.toSet())).hasSize(10_000);
        assertThat(all.stream().map(GeneratedAnnouncement::body).collect(Collectors.toSet())).hasSize(10_000);
    }

    @Test
    void theParserFindsVariedFactsInThem() {
        Set<String> kinds = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Set<String> persons = new HashSet<>();
        int withAmounts = 0;
        int withQuotes = 0;
        int kindAsWritten = 0;
        List<GeneratedAnnouncement> sample = new AnnouncementGenerator(42).first(360);
        for (GeneratedAnnouncement g : sample) {
            ParsedAnnouncement p = PARSER.parse(new ParserInput(g.body(), null, g.title(), g.publishedOn(),
                    Instant.parse("2026-01-01T00:00:00Z")));
            kinds.add(p.kind().wire());
            p.countries().forEach(c -> countries.add(c.code()));
            p.persons().forEach(person -> persons.add(person.name()));
            withAmounts += p.amounts().isEmpty() ? 0 : 1;
            withQuotes += p.quotes().isEmpty() ? 0 : 1;
            kindAsWritten += p.kind().wire().equals(g.intendedKind()) ? 1 : 0;
            assertThat(p.countries()).as("countries of %s", g.title()).isNotEmpty();
        }
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(8);
        assertThat(countries).hasSizeGreaterThanOrEqualTo(30);
        assertThat(persons).hasSizeGreaterThanOrEqualTo(30);
        assertThat(withAmounts).isGreaterThan(sample.size() / 2);
        assertThat(withQuotes).isGreaterThan(sample.size() / 2);
        assertThat(kindAsWritten).as("kind as written").isGreaterThan(sample.size() * 2 / 3);
    }
}
