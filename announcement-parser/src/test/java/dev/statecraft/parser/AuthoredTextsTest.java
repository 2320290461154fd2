package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.statecraft.model.Amount;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Engagement;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Quote;
import dev.statecraft.model.SanctionTarget;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Extraction on texts written in the style of the announcements the parser meets (see authored/README.md). */
class AuthoredTextsTest {

    private static ParsedAnnouncement text(String name) {
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(
                ParserInput.text(TestFixtures.resource("/authored/" + name), TestFixtures.INGESTED));
        SpanAssertions.assertValid(parsed);
        return parsed;
    }

    @Test
    void sanctionsNoticeNamesPersonsEntitiesAndVesselsUnderTheRegime() {
        ParsedAnnouncement parsed = text("sanctions-notice.txt");

        assertThat(parsed.kind()).isEqualTo(Kind.SANCTIONS_IMPOSED);
        assertThat(parsed.title()).isEqualTo("UK sanctions Russian shadow fleet and military suppliers");
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2025-05-14T00:00:00Z"));
        assertThat(parsed.sanctions()).anySatisfy(s -> {
            assertThat(s.action()).isEqualTo("imposed");
            assertThat(s.regime()).isEqualTo("Russia");
            assertThat(s.targets()).extracting(SanctionTarget::name, SanctionTarget::type).contains(
                    tuple("Ivan Petrov", "person"),
                    tuple("Olga Smirnova", "person"),
                    tuple("Volga Maritime LLC", "entity"),
                    tuple("Arctic Energy Trading Ltd", "entity"),
                    tuple("ARCTIC SPIRIT", "vessel"),
                    tuple("NORDIC STAR", "vessel"),
                    tuple("VOLGA TRADER", "vessel"),
                    tuple("OCEAN PRIDE", "vessel"));
            assertThat(s.targets()).extracting(SanctionTarget::name).doesNotContain("David Lammy");
        });
        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("David Lammy", "Foreign Secretary"), tuple("Vladimir Putin", null));
        assertThat(parsed.quotes()).singleElement().satisfies(q -> {
            assertThat(q.speaker()).isEqualTo("David Lammy");
            assertThat(q.spans()).hasSize(2);
        });
        assertThat(parsed.amounts()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualByComparingTo("25000000000");
            assertThat(a.currency()).isEqualTo("GBP");
            assertThat(a.text()).isEqualTo("over £25 billion");
        });
        assertThat(parsed.countries()).extracting(CountryMention::code).contains("GB", "RU", "UA", "AE");
        assertThat(parsed.dates()).extracting(d -> d.date()).contains("2025-05-14", "2022-02");
    }

    @Test
    void liftingOfSanctionsIsNotAnImposition() {
        ParsedAnnouncement parsed = text("sanctions-lifted.txt");

        assertThat(parsed.kind()).isEqualTo(Kind.SANCTIONS_LIFTED);
        assertThat(parsed.sanctions()).extracting(s -> s.action()).contains("lifted");
        assertThat(parsed.countries()).extracting(CountryMention::code).contains("GB", "SY");
        assertThat(parsed.quotes()).singleElement().extracting(Quote::speaker).isEqualTo("Hamish Falconer");
        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("Hamish Falconer", "Minister for the Middle East"));
    }

    @Test
    void aidAnnouncementReadsPoundsEurosAndDollars() {
        ParsedAnnouncement parsed = text("aid-announcement.txt");

        assertThat(parsed.kind()).isEqualTo(Kind.AID);
        assertThat(parsed.amounts()).extracting(Amount::value, Amount::currency).containsExactly(
                tuple(new BigDecimal("120000000"), "GBP"),
                tuple(new BigDecimal("120000000"), "GBP"),
                tuple(new BigDecimal("20000000"), "GBP"),
                tuple(new BigDecimal("5000000"), "EUR"),
                tuple(new BigDecimal("1500000000"), "USD"));
        assertThat(parsed.quantities()).singleElement().satisfies(q -> {
            assertThat(q.value()).isEqualByComparingTo("650000");
            assertThat(q.unit()).isEqualTo("people");
        });
        assertThat(parsed.countries()).extracting(CountryMention::code).contains("SD", "GB");
        assertThat(parsed.organisations()).extracting(OrganisationMention::id).contains("WFP", "UNICEF");
        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("Anneliese Dodds", "Development Minister"));
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2025-04-15T00:00:00Z"));
        assertThat(parsed.quotes()).singleElement().extracting(Quote::speaker).isEqualTo("Anneliese Dodds");
        assertThat(parsed.engagements()).extracting(Engagement::title).contains("London Sudan Conference");
    }

    @Test
    void defenceAgreementIsDefenceCooperation() {
        ParsedAnnouncement parsed = text("defence-cooperation.txt");

        assertThat(parsed.kind()).isEqualTo(Kind.DEFENCE_COOPERATION);
        assertThat(parsed.countries()).extracting(CountryMention::code).contains("GB", "PL", "RU");
        assertThat(parsed.organisations()).extracting(OrganisationMention::id).contains("NATO");
        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role).contains(
                tuple("John Healey", "Defence Secretary"),
                tuple("Władysław Kosiniak-Kamysz", "Minister of National Defence"));
        assertThat(parsed.locations()).extracting(l -> l.name()).contains("Warsaw");
        assertThat(parsed.quantities()).extracting(q -> q.unit()).contains("soldiers", "jets");
        assertThat(parsed.quotes()).singleElement().extracting(Quote::speaker).isEqualTo("John Healey");
    }

    @Test
    void summitCommuniqueInHtmlDropsPageFurnitureAndKeepsBlockquotes() {
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(ParserInput.html(
                TestFixtures.resource("/authored/summit-communique.html"), TestFixtures.INGESTED));
        SpanAssertions.assertValid(parsed);

        assertThat(parsed.format()).isEqualTo("html");
        assertThat(parsed.title()).isEqualTo("G7 Leaders' Statement on Ukraine");
        assertThat(parsed.bodyText()).doesNotContain("Navigation menu", "window.analytics", "Open Government",
                "color: red");
        assertThat(parsed.bodyText().split("\n\n")).hasSize(6);
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2025-06-17T17:00:00Z"));
        assertThat(parsed.publishedAtInferred()).isFalse();
        assertThat(parsed.kind()).isEqualTo(Kind.SUMMIT);
        assertThat(parsed.countries()).extracting(CountryMention::code).contains("CA", "UA", "RU");
        assertThat(parsed.organisations()).extracting(OrganisationMention::id).contains("G7");
        assertThat(parsed.persons()).extracting(PersonMention::name).contains("Volodymyr Zelenskyy");
        assertThat(parsed.dates()).extracting(d -> d.date(), d -> d.text()).contains(tuple("2025-06-15",
                "15 to 17 June 2025"));
        assertThat(parsed.amounts()).extracting(Amount::currency).containsExactly("USD");
        assertThat(parsed.quotes()).singleElement().satisfies(q -> {
            assertThat(q.speaker()).isEqualTo("Prime Minister");
            assertThat(q.text()).isEqualTo("The G7 stands united with Ukraine. We will not waver.");
        });
        assertThat(parsed.engagements()).extracting(Engagement::kind, Engagement::title)
                .contains(tuple(Kind.SUMMIT, "G7 Summit"));
    }
}
