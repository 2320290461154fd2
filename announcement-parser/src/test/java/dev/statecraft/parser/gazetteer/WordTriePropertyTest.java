package dev.statecraft.parser.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trie's packed arrays, ASCII tables and edge searches against a brute-force reading of the same patterns:
 * every pattern at every word start, and exact lookups. Alphabets mix ASCII with non-ASCII chars and give some
 * nodes many edges, so linear, binary-search and table steps are all taken.
 */
class WordTriePropertyTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ab-'é’ÿ\u0100\u4e00 ";

    @Test
    void scanFindsExactlyThePatternsAtWordStarts() {
        for (int round = 0; round < 300; round++) {
            List<String> patterns = patterns();
            WordTrie trie = new WordTrie(patterns);
            char[] text = randomString(RANDOM.nextInt(0, 400)).toCharArray();
            int from = text.length == 0 ? 0 : RANDOM.nextInt(0, text.length);
            int to = text.length == 0 ? 0 : RANDOM.nextInt(from, text.length + 1);

            Set<List<Integer>> scanned = new HashSet<>();
            trie.scanWordStarts(text, from, to, (start, end, pattern) -> scanned.add(List.of(start, end, pattern)));

            assertThat(scanned).isEqualTo(bruteForce(patterns, text, from, to));
        }
    }

    @Test
    void scanFromSharedWordStartsFindsTheSameAsTheFullScan() {
        for (int round = 0; round < 300; round++) {
            List<String> patterns = patterns();
            if (round % 4 != 0) {
                // Mostly tries whose patterns all begin with a letter or digit: those walk from the word starts.
                patterns.removeIf(p -> !TextWords.isLetterOrDigit(p.charAt(0)));
                patterns.add("a");
            }
            WordTrie trie = new WordTrie(patterns);
            assertThat(trie.startsWithLetterOrDigit()).isEqualTo(
                    patterns.stream().allMatch(p -> TextWords.isLetterOrDigit(p.charAt(0))));
            char[] text = randomString(RANDOM.nextInt(0, 400)).toCharArray();
            int to = text.length == 0 ? 0 : RANDOM.nextInt(0, text.length + 1);

            Set<List<Integer>> fromWordStarts = new HashSet<>();
            trie.scanWordStarts(text, WordTrie.wordStarts(text), to,
                    (start, end, pattern) -> fromWordStarts.add(List.of(start, end, pattern)));

            // Patterns beginning with a space or a hyphen take the full scan; the rest only the word starts.
            assertThat(fromWordStarts).isEqualTo(bruteForce(patterns, text, 0, to));
        }
    }

    @Test
    void exactFindsThePatternThatIsTheWholeRange() {
        for (int round = 0; round < 300; round++) {
            List<String> patterns = patterns();
            WordTrie trie = new WordTrie(patterns);
            for (int i = 0; i < 50; i++) {
                String word = RANDOM.nextBoolean() ? patterns.get(RANDOM.nextInt(patterns.size()))
                        : randomString(RANDOM.nextInt(0, 6));
                char[] text = ("x" + word + "y").toCharArray();
                assertThat(trie.exact(text, 1, 1 + word.length())).isEqualTo(word.isEmpty() ? -1 : firstIndex(patterns, word));
            }
        }
    }

    private static Set<List<Integer>> bruteForce(List<String> patterns, char[] text, int from, int to) {
        Set<List<Integer>> expected = new HashSet<>();
        String s = new String(text);
        for (int start = from; start < to; start++) {
            if (start > from && TextWords.isLetterOrDigit(text[start - 1])) {
                continue;
            }
            for (String p : patterns) {
                if (!p.isEmpty() && start + p.length() <= to && s.startsWith(p, start)) {
                    expected.add(List.of(start, start + p.length(), firstIndex(patterns, p)));
                }
            }
        }
        return expected;
    }

    /** The trie reports the first of equal patterns. */
    private static int firstIndex(List<String> patterns, String p) {
        return patterns.indexOf(p);
    }

    private static List<String> patterns() {
        List<String> patterns = new ArrayList<>();
        int n = RANDOM.nextInt(1, 120);
        for (int i = 0; i < n; i++) {
            patterns.add(randomString(RANDOM.nextInt(1, 7)));
        }
        return patterns;
    }

    private static String randomString(int length) {
        StringBuilder s = new StringBuilder();
        // A small alphabet per string makes shared prefixes, and so deep walks, likely.
        int span = RANDOM.nextInt(2, ALPHABET.length() + 1);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(span)));
        }
        return s.toString();
    }
}
