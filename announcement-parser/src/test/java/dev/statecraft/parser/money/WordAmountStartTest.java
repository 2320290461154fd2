package dev.statecraft.parser.money;

import dev.statecraft.parser.text.StartTestCheck;
import org.junit.jupiter.api.Test;

/** The word-amount start test never rules out an anchor where the pattern matches. */
class WordAmountStartTest {
    private static final String[] PIECES = {"1", "450", "1,200", "1,200,000", "2.5", "12345", " ", "  ", "\t", "\n",
        "\u00a0", "bn", "m", "k", "billion", " billion", "million", "millions", "pounds", "pounds sterling", "pound",
        "US dollars", "dollars", "euros", "euro", "yen", "roubles", "hryvnia", "yuan", "renminbi", "rupees",
        "Swiss francs", "Euros", "a", "x", "_", ".", ",", "-", "é", "450 euros", "2.5 billion pounds", "1,200 US dollars",
        "5bn yen", "3 m rupees", " 7 dollars"};

    @Test
    void passesEveryMatch() {
        StartTestCheck.passesEveryMatch(AmountExtractor.WORD_AMOUNT, AmountExtractor::wordAmountMayStartAt, PIECES, 6);
    }
}
