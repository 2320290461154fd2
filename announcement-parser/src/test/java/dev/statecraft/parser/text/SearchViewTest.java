package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every Latin-1 needle occurs in the search view exactly where it occurs in the text. */
class SearchViewTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String TEXT_CHARS = "ab é’“”–\u4e00\u0100ÿ";
    private static final String NEEDLE_CHARS = "ab é\u00ff";

    @Test
    void latin1NeedlesOccurAtTheSameOffsets() {
        for (int round = 0; round < 2_000; round++) {
            String text = random(TEXT_CHARS, RANDOM.nextInt(0, 60));
            String view = SearchView.of(text.toCharArray());
            assertThat(view).hasSameSizeAs(text);
            String needle = random(NEEDLE_CHARS, RANDOM.nextInt(1, 4));
            for (int from = 0; from <= text.length(); from++) {
                assertThat(view.indexOf(needle, from)).as("'%s' in '%s' from %d", needle, text, from)
                        .isEqualTo(text.indexOf(needle, from));
            }
        }
    }

    @Test
    void aLatin1TextIsItsOwnView() {
        assertThat(SearchView.of("Kaja Kallas é".toCharArray())).isEqualTo("Kaja Kallas é");
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
