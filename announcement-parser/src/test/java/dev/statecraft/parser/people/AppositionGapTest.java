package dev.statecraft.parser.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The in-place gap test agrees with the pattern it replaced on every short string over the chars that matter. */
class AppositionGapTest {
    private static final Pattern FORMER = Pattern.compile(",? (?:the |a )?|, (?:the |a )?");
    private static final String ALPHABET = ", theax";

    @Test
    void agreesWithTheFormerPatternOnEveryShortGap() {
        int checked = 0;
        for (int length = 0; length <= 6; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder gap = new StringBuilder();
                for (int d : digits) {
                    gap.append(ALPHABET.charAt(d));
                }
                String text = "Name" + gap + "Title";
                assertThat(PersonExtractor.isAppositionGap(text, 4, 4 + length)).as("'%s'", gap)
                        .isEqualTo(FORMER.matcher(gap).matches());
                checked++;
                int i = length - 1;
                while (i >= 0 && ++digits[i] == ALPHABET.length()) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        assertThat(checked).isEqualTo(137_257);
    }
}
