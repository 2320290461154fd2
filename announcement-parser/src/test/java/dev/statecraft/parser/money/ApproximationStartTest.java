package dev.statecraft.parser.money;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The approximation before a number is found as the former regex search alone found it, on random texts. */
class ApproximationStartTest {
    private static final Random RANDOM = new Random(20261127);
    private static final Pattern APPROXIMATION = Pattern.compile("(?i:over|more than|almost|nearly|around|about"
            + "|approximately|up to|at least|some|an additional|a further|an extra|another|a total of)\\s+$");
    private static final String[] PIECES = {"over", "OVER", "Over", "more than", "MORE THAN", "almost", "nearly",
        "around", "about", "approximately", "up to", "at least", "some", "an additional", "a further", "an extra",
        "another", "a total of", "leftover", "x", "the", " ", "  ", "\n", "\r\n", "\t", "\u2028", "\u0085", "\u00a0",
        "£", "9", ",", "\u212a", "İ"};

    @Test
    void findsTheApproximationTheRegexFound() {
        for (int round = 0; round < 50_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 1, 10);
            int start = RANDOM.nextInt(0, text.length() + 1);
            assertThat(AmountExtractor.withApproximation(text, start)).as("%s at %d", text, start)
                    .isEqualTo(former(text, start));
        }
    }

    private static int former(String text, int start) {
        Matcher m = APPROXIMATION.matcher(text).region(Math.max(0, start - 24), start);
        while (m.find()) {
            if (m.start() == 0 || !Character.isLetterOrDigit(text.charAt(m.start() - 1))) {
                return m.start();
            }
        }
        return start;
    }
}
