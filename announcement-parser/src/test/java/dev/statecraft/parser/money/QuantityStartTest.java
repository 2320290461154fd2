package dev.statecraft.parser.money;

import dev.statecraft.parser.text.StartTestCheck;
import org.junit.jupiter.api.Test;

/** The quantity pattern's start test never rules out a number where the pattern matches. */
class QuantityStartTest {
    private static final String[] PIECES = {"1", "18", "120,000", "1.5", "2022", "000", ",", ".", " ", "  ", "\t", "\n",
        "\u00a0", "$", "£", "/", "-", "_", "x", "é", "soldiers", "million", " million", "Typhoon jets", "oil tankers",
        "people", "over ", "a", "12 Typhoon jets", "5 Type 26 frigates", "1.1 million people"};

    @Test
    void quantityTestPassesEveryMatch() {
        StartTestCheck.passesEveryMatch(QuantityExtractor.QUANTITY, QuantityExtractor::quantityMayStartAt, PIECES, 6);
    }
}
