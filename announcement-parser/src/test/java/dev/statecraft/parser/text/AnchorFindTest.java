package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import dev.statecraft.parser.gazetteer.Gazetteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Anchors#find} from the text views' words finds the anchors the former pass over every char found. */
class AnchorFindTest {
    private static final Set<String> WORDS = Set.of("in", "of", "march", "may", "mid", "usd", "s", "the",
            "throughout", "ébène", "abcdefghijklm");
    private static final String SYMBOLS = "$£€¥₹";
    private static final String[] PIECES = {"in", "In", "IN", "of", "March", "may", "mid", "usd", "USD", "s", "the",
        "throughout", "ébène", "ÉBÈNE", "abcdefghijklm", "abcdefghijkl", "x", "7", "2025", "٣", "G", " ", " ", ",",
        "-", "'", "’", "$", "£", "€", "¥", "₹", "#", "\u0301", "\ud835\udc00", "\u00a0", "\u212a", "\n", "İ", "ʼ", "inʼ"};

    @Test
    void sameAnchorsAsTheFormerPass() {
        Anchors.Vocabulary vocabulary = new Anchors.Vocabulary(WORDS);
        Random random = new Random(20261128);
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(random, PIECES, 0, 14);
            Anchors anchors = Anchors.find(TextViews.of(text), vocabulary, SYMBOLS);
            List<String> found = new ArrayList<>();
            int[] offsets = anchors.offsets();
            String[] words = anchors.words();
            for (int k = 0; k < offsets.length; k++) {
                found.add(offsets[k] + ":" + words[k]);
            }
            assertThat(found).as(text).isEqualTo(former(text.toCharArray(), vocabulary));
        }
    }

    /** The former Anchors.find loop, as it was (without its ids). */
    private static List<String> former(char[] text, Anchors.Vocabulary vocabulary) {
        char[] folded = Gazetteer.foldChars(new String(text));
        List<String> found = new ArrayList<>();
        int length = text.length;
        int i = 0;
        while (i < length) {
            char c = text[i];
            int start = i;
            if (Character.isLetter(c)) {
                while (i < length && Character.isLetter(text[i])) {
                    i++;
                }
                boolean wordStart = start == 0 || !Character.isLetterOrDigit(text[start - 1]);
                if (wordStart && i - start <= 12) {
                    String word = new String(folded, start, i - start);
                    if (WORDS.contains(word)) {
                        assertThat(vocabulary.indexOf(folded, start, i)).isNotNegative();
                        found.add(start + ":" + word);
                    }
                }
            } else {
                if (Character.isDigit(c) && (i == 0 || !Character.isDigit(text[i - 1]))) {
                    found.add(start + ":" + Anchors.DIGIT);
                } else if (c != ' ' && SYMBOLS.indexOf(c) >= 0) {
                    found.add(start + ":" + c);
                }
                i++;
            }
        }
        return found;
    }
}
