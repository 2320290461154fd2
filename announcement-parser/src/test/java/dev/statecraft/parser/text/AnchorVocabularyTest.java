package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first-char-and-length table in front of the trie never rules out a vocabulary word. */
class AnchorVocabularyTest {
    private static final Set<String> WORDS = Set.of("a", "an", "the", "in", "of", "march", "may", "monday", "mid",
            "usd", "u", "s", "throughout", "ébène", "ñu");
    private static final String ALPHABET = "aehimnorstuyécdñ";

    @Test
    void findsEveryWordAndOnlyThem() {
        Anchors.Vocabulary vocabulary = new Anchors.Vocabulary(WORDS);
        Map<Integer, String> wordById = new HashMap<>();
        for (String word : WORDS) {
            int id = vocabulary.indexOf(word.toCharArray(), 0, word.length());
            assertThat(id).as(word).isNotNegative();
            assertThat(wordById.put(id, word)).as(word).isNull();
        }
        Random random = new Random(20261127);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(1, 13);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String word = s.toString();
            char[] padded = ("x" + word + "y").toCharArray();
            int id = vocabulary.indexOf(padded, 1, 1 + length);
            assertThat(id >= 0).as(word).isEqualTo(WORDS.contains(word));
            if (id >= 0) {
                assertThat(wordById.get(id)).isEqualTo(word);
            }
        }
    }
}
