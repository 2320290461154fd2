package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.DateMention;
import dev.statecraft.parser.ParserInput;
import dev.statecraft.parser.TestFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A date's evidence text ends where the date does: a sentence's full stop is not an abbreviation's. */
class DateTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "They met on Thursday 12 June.|Thursday 12 June",
        "They met on 5 March. Talks went on.|5 March",
        "They met on 12 Sept. 2024 in Rome.|12 Sept. 2024",
        "They met on 12 Jan. in Rome.|12 Jan."})
    void dateTextStopsAtTheDate(String sentence, String text) {
        assertThat(TestFixtures.PARSER.parse(ParserInput.text("Talks\n\n" + sentence, TestFixtures.INGESTED)).dates())
                .extracting(DateMention::text).containsExactly(text);
    }
}
