package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass views are exactly what the separate passes they replace make. */
class TextViewsTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String ALPHABET = "aZ9 .,-'`’‘ʼ“”–‑‐\u00a0éÉßİ\u4e00\u0100ÿ\n";

    @Test
    void viewsEqualTheSeparatePasses() {
        for (int round = 0; round < 3_000; round++) {
            StringBuilder s = new StringBuilder();
            int length = RANDOM.nextInt(0, 80);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String text = s.toString();
            TextViews views = TextViews.of(text);
            char[] folded = Gazetteer.foldChars(text);
            assertThat(views.chars()).isEqualTo(text.toCharArray());
            assertThat(views.folded()).as(text).isEqualTo(folded);
            assertThat(views.foldedSearch()).as(text).isEqualTo(SearchView.of(folded));
            assertThat(views.textSearch()).as(text).isEqualTo(SearchView.of(text.toCharArray()));
            assertThat(views.wordStarts()).as(text).isEqualTo(WordTrie.wordStarts(folded));
        }
    }
}
