package dev.statecraft.parser.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The inline-quote scan finds what the regex it replaced finds, surrogate pairs and region ends included. */
class InlineQuoteScanTest {
    private static final Pattern INLINE = Pattern.compile("[“\"]([^“”\"]{12,}+)[”\"]");
    private static final String[] PIECES = {"“", "”", "\"", "a", "b", " ", ",", "😀", "’", "x", "said"};
    private static final Random RANDOM = new Random(1127);

    @Test
    void scanAgreesWithTheRegex() {
        for (int round = 0; round < 20_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 0, 60);
            int from = text.isEmpty() ? 0 : RANDOM.nextInt(0, text.length());
            int to = text.isEmpty() ? 0 : RANDOM.nextInt(from, text.length() + 1);

            List<List<Integer>> expected = new ArrayList<>();
            Matcher m = INLINE.matcher(text).region(from, to);
            while (m.find()) {
                expected.add(List.of(m.start(), m.end()));
            }
            List<List<Integer>> scanned = new ArrayList<>();
            for (int[] q = QuoteExtractor.inline(text, from, to); q != null; q = QuoteExtractor.inline(text, q[1], to)) {
                scanned.add(List.of(q[0], q[1]));
            }
            assertThat(scanned).as(text).isEqualTo(expected);
        }
    }
}
