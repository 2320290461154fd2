package dev.statecraft.parser.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.Sanction;
import dev.statecraft.parser.ParserInput;
import dev.statecraft.parser.TestFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;

/** The regime of a sanctions action, read from the regulations the UK names it by. */
class SanctionRegimeTest {

    private static ParsedAnnouncement parse(String sentence) {
        return TestFixtures.PARSER.parse(ParserInput.text("Sanctions\n\n" + sentence, TestFixtures.INGESTED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The UK has today sanctioned 8 officials under the Iran (Sanctions) (Human Rights) Regulations 2019.|Iran",
        "The UK has sanctioned 20 vessels under the Russia (Sanctions) (EU Exit) Regulations 2019.|Russia",
        "The UK has sanctioned 5 individuals under the Global Human Rights Sanctions Regulations 2020.|Global Human Rights"})
    void regimeFromTheRegulationsName(String sentence, String regime) {
        assertThat(parse(sentence).sanctions()).extracting(Sanction::regime).containsExactly(regime);
    }

    @Test
    void theIrgcIsAnOrganisation() {
        ParsedAnnouncement parsed = parse("The UK has sanctioned two entities linked to the Islamic Revolutionary "
                + "Guard Corps (IRGC).");

        assertThat(parsed.organisations()).extracting(OrganisationMention::name)
                .contains("Islamic Revolutionary Guard Corps");
        assertThat(parsed.countries()).extracting(c -> c.code()).doesNotContain("IR");
    }
}
