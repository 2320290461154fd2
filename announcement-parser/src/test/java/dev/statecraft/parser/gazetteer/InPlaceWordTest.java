package dev.statecraft.parser.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Function words and honorifics tested in place in a char array answer as the lookups of the cut-out word. */
class InPlaceWordTest {
    private static final Random RANDOM = new Random(20261128);
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final String[] PIECES = {"The", "T", "he", "A", "An", "Mr", "Mrs", "Dr", "Sir", "Dame", "Baroness",
        "Lord", "Lady", "Prince", "His", "Her", "Royal", "Highness", "Rt", "Hon", ".", "s", "x", "é", "Government",
        "Minister", "Ministers", "May", "Monday", "Source", " "};

    @Test
    void sameAnswersAsTheSetLookups() {
        int honorifics = 0;
        for (int round = 0; round < 50_000; round++) {
            String word = RandomTexts.joined(RANDOM, PIECES, 1, 4);
            String text = "x " + word + " y";
            char[] chars = text.toCharArray();
            int start = 2;
            int end = 2 + word.length();
            assertThat(TextWords.isFunctionWord(chars, start, end)).as(word)
                    .isEqualTo(TextWords.isFunctionWord(word));
            assertThat(GAZETTEER.isHonorific(chars, start, end)).as(word).isEqualTo(GAZETTEER.isHonorific(word));
            honorifics += GAZETTEER.isHonorific(word) ? 1 : 0;
        }
        assertThat(honorifics).isGreaterThan(100);
    }
}
