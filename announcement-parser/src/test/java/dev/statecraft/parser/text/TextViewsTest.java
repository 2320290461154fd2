package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass views are exactly what the separate passes they replace make. */
class TextViewsTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String ALPHABET = "aZ9 .,-'`’‘ʼ“”–‑‐\u00a0éÉßİ\u4e00\u0100ÿ\n٣\u0301\ud835\udc00\u212a";

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
            assertWords(views.words(), folded, text);
            assertWords(views.textWords(), text.toCharArray(), text);
        }
    }

    /**
     * Folding leaves every char a letter, a digit or neither, or else it takes a letter or digit (which makes the
     * views find the words of the chars on their own), so the words of the folded chars are the text's wherever
     * the views share them.
     */
    @Test
    void foldingKeepsLettersAndDigits() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char f = Gazetteer.fold((char) c);
            if (!Character.isLetterOrDigit((char) c)) {
                assertThat(Character.isLetterOrDigit(f)).as("U+%04X", c).isFalse();
            } else if (Character.isLetterOrDigit(f)) {
                assertThat(Character.isLetter(f)).as("U+%04X", c).isEqualTo(Character.isLetter((char) c));
                assertThat(Character.isDigit(f)).as("U+%04X", c).isEqualTo(Character.isDigit((char) c));
            }
        }
    }

    @Test
    void theTextsOwnWordsWhereFoldingTakesALetter() {
        TextViews views = TextViews.of("Pʼa O’Neil");
        assertThat(views.words().starts()).containsExactly(0, 2, 4, 6);
        assertThat(views.textWords().starts()).containsExactly(0, 4, 6);
        assertThat(views.textWords().ends()).containsExactly(3, 5, 10);
    }

    /** The words are the maximal runs of letters and digits, with a digit where they say. */
    private static void assertWords(TextViews.Words words, char[] chars, String text) {
        List<String> expected = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            if (!Character.isLetterOrDigit(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < chars.length && Character.isLetterOrDigit(chars[i])) {
                digit |= Character.isDigit(chars[i++]);
            }
            expected.add(start + "-" + i + (digit ? " digit" : ""));
        }
        List<String> found = new ArrayList<>();
        for (int w = 0; w < words.count(); w++) {
            found.add(words.starts()[w] + "-" + words.ends()[w] + (words.hasDigit()[w] ? " digit" : ""));
        }
        assertThat(found).as(text).isEqualTo(expected);
    }
}
