package dev.statecraft.parser.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.statecraft.model.LocationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.parser.ParserInput;
import dev.statecraft.parser.TestFixtures;
import org.junit.jupiter.api.Test;

/** A title in apposition finds its holder across a possessive qualifier, a line break, and not after "in"/"at". */
class TitleAppositionTest {

    private static ParsedAnnouncement parse(String text) {
        return TestFixtures.PARSER.parse(ParserInput.text(text, TestFixtures.INGESTED));
    }

    @Test
    void possessiveTitleBeforeTheNameAcrossALineBreak() {
        ParsedAnnouncement parsed = parse("Minister visits Nairobi\n\nThe minister held talks with\n"
                + "Kenya's Cabinet Secretary for Foreign Affairs,\nMusalia Mudavadi, on trade.");

        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("Musalia Mudavadi", "Cabinet Secretary for Foreign Affairs"));
    }

    @Test
    void aShortWrappedLineEndingInACommaRunsOnToTheName() {
        ParsedAnnouncement parsed = parse("Foreign Secretary meets Kenyan counterpart in Nairobi\n\n"
                + "The Foreign Secretary travelled to Nairobi today (Friday 27 November) for talks with\n"
                + "Kenya's Cabinet Secretary for Foreign Affairs,\n"
                + "Musalia Mudavadi, on trade and security. The UK announced £12 million for climate resilience.\n");

        assertThat(parsed.bodyText()).contains("Foreign Affairs, Musalia Mudavadi");
        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("Musalia Mudavadi", "Cabinet Secretary for Foreign Affairs"));
    }

    @Test
    void possessiveQualifierAfterTheName() {
        ParsedAnnouncement parsed = parse("Talks in Riyadh\n\nThe Foreign Secretary met Faisal bin Farhan, Saudi "
                + "Arabia’s Foreign Minister, and Musalia Mudavadi, Kenya's Cabinet Secretary for Foreign Affairs.");

        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role).contains(
                tuple("Faisal bin Farhan", "Foreign Minister"),
                tuple("Musalia Mudavadi", "Cabinet Secretary for Foreign Affairs"));
    }

    @Test
    void theEusTitleAfterTheNameIsHers() {
        ParsedAnnouncement parsed = parse("Talks\n\nHe met Kaja Kallas, the EU's High Representative, on Monday.");

        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role)
                .contains(tuple("Kaja Kallas", "High Representative"));
    }

    @Test
    void anHonorificBetweenTitleAndNameKeepsTheTitle() {
        ParsedAnnouncement parsed = parse("Funding\n\nMinister for Development Baroness Chapman announced new "
                + "funding, and Ambassador Dr Jane Marriott opened the meeting.");

        assertThat(parsed.persons()).extracting(PersonMention::name, PersonMention::role).contains(
                tuple("Chapman", "Minister for Development"), tuple("Jane Marriott", "Ambassador"));
    }

    @Test
    void aPlaceBeforeATitleIsNotAPerson() {
        ParsedAnnouncement parsed = parse("Statement\n\nIn Whitehall Place, Britain's Prime Minister spoke. "
                + "In Downing Street, the Prime Minister met the press.");

        assertThat(parsed.persons()).extracting(PersonMention::name).containsOnlyNulls();
        assertThat(parsed.locations()).extracting(LocationMention::name).contains("Downing Street");
    }
}
