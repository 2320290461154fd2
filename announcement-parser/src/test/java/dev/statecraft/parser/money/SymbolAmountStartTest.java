package dev.statecraft.parser.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The symbol-amount start test never rules out an anchor where the pattern matches. */
class SymbolAmountStartTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String[] PIECES = {"US$", "U.S. $", "U.S.$", "A$", "AU$", "C$", "NZ$", "HK$", "S$", "$", "£",
            "€", "¥", "₹", "USD ", "USD", "GBP", "EUR ", "CHF", "JPY", "1", "450", "1,200", "2.5", " ", "bn", "m",
            " billion", " pounds", "a", "s", "u", "x", ".", ","};

    @Test
    void passesEveryMatch() {
        int matches = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int pieces = RANDOM.nextInt(1, 7);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[RANDOM.nextInt(PIECES.length)]);
            }
            String text = s.toString();
            Matcher m = AmountExtractor.SYMBOL_AMOUNT.matcher(text).useTransparentBounds(true)
                    .useAnchoringBounds(false);
            for (int at = 0; at < text.length(); at++) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    matches++;
                    assertThat(AmountExtractor.symbolAmountMayStartAt(text, at)).as("'%s' at %d", text, at).isTrue();
                }
            }
        }
        assertThat(matches).isGreaterThan(100);
    }
}
