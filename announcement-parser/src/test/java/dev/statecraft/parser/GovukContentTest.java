package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Quote;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GOV.UK Content API items: metadata fields, the HTML body and blockquoted speech. */
class GovukContentTest {

    private static ParsedAnnouncement parse(String fixture) {
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(ParserInput.govukContent(
                TestFixtures.resource("/fixtures/" + fixture), TestFixtures.INGESTED));
        SpanAssertions.assertValid(parsed);
        return parsed;
    }

    @Test
    void readsTheMetadataOfAWorldNewsStory() {
        ParsedAnnouncement parsed = parse("govuk-world-news-story-pm-christmas-message-azerbaijan.json");

        assertThat(parsed.format()).isEqualTo("govuk-content");
        assertThat(parsed.title()).isEqualTo("Christmas 2016: Prime Minister's message");
        assertThat(parsed.summary()).startsWith("Theresa May sends her best wishes");
        assertThat(parsed.sourceUrl())
                .isEqualTo("https://www.gov.uk/government/news/christmas-2016-prime-ministers-message-from-azerbaijan");
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2016-12-25T00:15:06Z"));
        assertThat(parsed.publishedAtInferred()).isFalse();
        assertThat(parsed.kind()).isEqualTo(Kind.STATEMENT);
        assertThat(parsed.countries()).extracting(CountryMention::code).containsExactlyInAnyOrder("GB", "AZ");
        assertThat(parsed.organisations()).extracting(OrganisationMention::id)
                .contains("British High Commission Singapore", "EU", "Commonwealth");
        assertThat(parsed.quotes()).singleElement().satisfies(q -> {
            assertThat(q.speaker()).isEqualTo("Theresa May");
            assertThat(q.spans()).hasSize(7);
        });
    }

    @Test
    void aDomesticPressReleaseIsOtherWithFourSpeakers() {
        ParsedAnnouncement parsed = parse("govuk-press-release-phe-middle-aged-health.json");

        assertThat(parsed.kind()).isEqualTo(Kind.OTHER);
        assertThat(parsed.publisher()).isEqualTo("Public Health England");
        assertThat(parsed.bodyText()).doesNotContain("Main switchboard").contains("Background");
        assertThat(parsed.quotes()).extracting(Quote::speaker)
                .containsExactly("Kevin Fenton", "Muir Gray", "Dan Howarth", "Ellie Cannon");
        assertThat(parsed.quotes().get(1).spans()).as("two blockquotes after one 'said:'").hasSize(2);
        assertThat(parsed.persons()).extracting(PersonMention::name)
                .contains("Kevin Fenton", "Muir Gray", "Dan Howarth", "Ellie Cannon");
        assertThat(parsed.organisations()).extracting(OrganisationMention::name)
                .contains("Public Health England", "Diabetes UK");
    }
}
