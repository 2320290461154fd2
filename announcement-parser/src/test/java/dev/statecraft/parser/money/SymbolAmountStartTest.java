package dev.statecraft.parser.money;

import dev.statecraft.parser.text.StartTestCheck;
import org.junit.jupiter.api.Test;

/** The symbol-amount start test never rules out an anchor where the pattern matches. */
class SymbolAmountStartTest {
    private static final String[] PIECES = {"US$", "U.S. $", "U.S.$", "A$", "AU$", "C$", "NZ$", "HK$", "S$", "$", "£",
            "€", "¥", "₹", "USD ", "USD", "GBP", "EUR ", "CHF", "JPY", "1", "450", "1,200", "2.5", " ", "bn", "m",
            " billion", " pounds", "a", "s", "u", "x", ".", ","};

    @Test
    void passesEveryMatch() {
        StartTestCheck.passesEveryMatch(AmountExtractor.SYMBOL_AMOUNT, AmountExtractor::symbolAmountMayStartAt,
                PIECES, 6);
    }
}
