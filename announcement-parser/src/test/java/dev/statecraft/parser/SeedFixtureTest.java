package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.statecraft.model.Amount;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Quote;
import dev.statecraft.model.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The seed press release (uk-eu-kallas-london.txt) must come out right in full. */
class SeedFixtureTest {
    private static final String SEED = TestFixtures.resource("/fixtures/uk-eu-kallas-london.txt");
    private final ParsedAnnouncement parsed = TestFixtures.PARSER.parse(ParserInput.text(SEED, TestFixtures.INGESTED));

    @Test
    void unwrapsTheHardWrappedTextIntoParagraphs() {
        String[] paragraphs = parsed.bodyText().split("\n\n");
        assertThat(paragraphs).hasSize(13);
        assertThat(paragraphs[0]).startsWith("As part of the UK's commitment").endsWith("peace in Ukraine.");
        assertThat(paragraphs[3]).isEqualTo("Foreign Secretary said:");
        assertThat(paragraphs[7]).endsWith("training offered to Ukraine");
        assertThat(paragraphs[8]).isEqualTo("Defence Secretary said:");
        assertThat(parsed.bodyText()).doesNotContain("\n\n\n").doesNotContain("  ");
        assertThat(parsed.format()).isEqualTo("text");
        SpanAssertions.assertValid(parsed);
    }

    @Test
    void infersThePublicationDateFromTodayWithWeekday() {
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2025-03-18T00:00:00Z"));
        assertThat(parsed.publishedAtInferred()).isTrue();
    }

    @Test
    void anExplicitPublicationDateWins() {
        ParsedAnnouncement dated = TestFixtures.PARSER.parse(ParserInput.text(SEED, LocalDate.of(2025, 3, 18),
                Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(dated.publishedAt()).isEqualTo(Instant.parse("2025-03-18T00:00:00Z"));
        assertThat(dated.publishedAtInferred()).isFalse();
    }

    @Test
    void isAVisit() {
        assertThat(parsed.kind()).isEqualTo(Kind.VISIT);
        assertThat(parsed.title()).isNotBlank().hasSizeLessThanOrEqualTo(201);
    }

    @Test
    void findsTheCountriesAndKeepsOrganisationsApart() {
        assertThat(parsed.countries()).extracting(CountryMention::code).containsExactlyInAnyOrder("GB", "RU", "UA");
        assertThat(parsed.organisations()).extracting(OrganisationMention::id)
                .containsExactlyInAnyOrder("EU", "NATO", "European Council");
        assertSpansRead(parsed.countries().stream().filter(c -> c.code().equals("RU")).findFirst().orElseThrow()
                .spans(), "Russia", "Russian");
        assertSpansRead(parsed.countries().stream().filter(c -> c.code().equals("GB")).findFirst().orElseThrow()
                .spans(), "UK", "Britain", "British", "London");
    }

    @Test
    void findsThePeopleWithTheirRoles() {
        assertThat(parsed.persons()).filteredOn(p -> p.name() != null)
                .extracting(PersonMention::name, PersonMention::role)
                .containsExactlyInAnyOrder(
                        tuple("Kaja Kallas", "High Representative for Foreign Affairs"),
                        tuple("Vladimir Putin", null),
                        tuple("Ursula von der Leyen", "EU President"),
                        tuple("António Costa", "EU President"));
        assertThat(parsed.persons()).filteredOn(p -> p.name() == null).extracting(PersonMention::role)
                .containsExactlyInAnyOrder("Foreign Secretary", "Defence Secretary", "Chief of the Defence Staff",
                        "Prime Minister", "Commander INTERFLEX");
        PersonMention kallas = parsed.persons().get(0);
        assertSpansRead(kallas.spans(), "Kaja Kallas", "Kallas");
    }

    @Test
    void resolvesTheDatesAgainstThePublicationDate() {
        assertThat(parsed.dates()).extracting(DateMention::date, DateMention::precision, DateMention::text)
                .contains(
                        tuple("2025-03-18", Precision.DAY, "today (Tuesday 18 March)"),
                        tuple("2022-02", Precision.MONTH, "February 2022"),
                        tuple("2025-02", Precision.MONTH, "February"),
                        tuple("2025-05-19", Precision.DAY, "19 May"),
                        tuple("2025", Precision.YEAR, "later this year"));
        assertThat(parsed.dates()).filteredOn(d -> d.text().equals("19 May")).first()
                .extracting(DateMention::about).isEqualTo("first UK-EU Summit");
    }

    @Test
    void readsTheAmountAndTheQuantity() {
        assertThat(parsed.amounts()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualByComparingTo(new BigDecimal("450000000000"));
            assertThat(a.currency()).isEqualTo("USD");
            assertThat(a.text()).isEqualTo("$450 billion");
        });
        assertThat(parsed.quantities()).singleElement().satisfies(q -> {
            assertThat(q.value()).isEqualByComparingTo("120000");
            assertThat(q.unit()).isEqualTo("soldiers");
            assertThat(q.text()).isEqualTo("over 120,000 soldiers");
        });
        assertThat(parsed.amounts()).extracting(Amount::text).doesNotContain("120,000");
    }

    @Test
    void attributesTheTwoTwoParagraphQuotes() {
        assertThat(parsed.quotes()).extracting(Quote::speaker).containsExactly("Foreign Secretary",
                "Defence Secretary");
        Quote foreign = parsed.quotes().get(0);
        assertThat(foreign.spans()).hasSize(2);
        assertThat(foreign.text()).startsWith("A strong and secure Britain is a foundation")
                .endsWith("deliver security of all of our citizens.").contains("\n")
                .doesNotContain("“").doesNotContain("”");
        Quote defence = parsed.quotes().get(1);
        assertThat(defence.spans()).hasSize(2);
        assertThat(defence.text()).startsWith("This Government is stepping up on European security")
                .endsWith("secure a lasting peace.");
    }

    @Test
    void reportsTheSanctionsAndEngagements() {
        assertThat(parsed.sanctions()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("imposed");
            assertThat(s.regime()).isEqualTo("Russia");
        });
        assertThat(parsed.engagements()).extracting(e -> e.kind(), e -> e.title(), e -> e.date(), e -> e.place())
                .contains(tuple(Kind.VISIT, "Kaja Kallas visits London", "2025-03-18", "London"),
                        tuple(Kind.SUMMIT, "UK-EU Summit", "2025-05-19", null));
        assertThat(parsed.engagements()).anySatisfy(e -> assertThat(e.title()).endsWith("Berlin Process Summit"));
    }

    private void assertSpansRead(java.util.List<Span> spans, String... allowed) {
        assertThat(spans).isNotEmpty().allSatisfy(s ->
                assertThat(parsed.bodyText().substring(s.start(), s.end())).isIn((Object[]) allowed));
    }
}
