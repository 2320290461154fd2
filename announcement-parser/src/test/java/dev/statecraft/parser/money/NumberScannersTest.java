package dev.statecraft.parser.money;

import dev.statecraft.parser.text.ScannerCheck;
import org.junit.jupiter.api.Test;

/** The symbol-amount and quantity scanners find what their patterns find, groups included, on random texts. */
class NumberScannersTest {
    @Test
    void symbolAmountScannerMatchesAsThePattern() {
        String[] pieces = {"US$", "U.S. $", "U.S.$", "U.S.", "A$", "AU$", "C$", "NZ$", "HK$", "S$", "$", "£", "€", "¥",
            "₹", "USD ", "USD", "GBP", "EUR  ", "CHF", "1", "450", "1,200", "1,200,000", "1234,567", "2.5", "2.1234567",
            " ", "  ", "bn", "m", "k", "mn", "million", "millions", " billion", " pounds", " pounds sterling",
            " pounds sterlingx", " dollars", "euros", "a", "s", "x", ".", ",", "é", "\u0301", "_", "-"};
        ScannerCheck.matchesAsThePattern(AmountExtractor.SYMBOL_AMOUNT, NumberScanners::symbolAmount, pieces, 7,
                1_000);
    }

    @Test
    void quantityScannerMatchesAsThePattern() {
        String[] pieces = {"1", "120", "1234", "120,000", "1,200,000", "1234,567", "2.5", "2.1234567", ",", ".", " ",
            "  ", "\n", "million", "thousand", " billion", "soldiers", "tanks", "Typhoon", "jets", "oil", "tankers-",
            "tanks-x", "ab", "x", "X", "-", "_", "$", "/", "é", "\u0301", "people", " shadow fleet vessels",
            "over 120,000 soldiers", "500 tanks", "1.1 million people"};
        ScannerCheck.matchesAsThePattern(QuantityExtractor.QUANTITY, NumberScanners::quantity, pieces, 7, 1_000);
    }

    @Test
    void wordAmountScannerMatchesAsThePattern() {
        String[] pieces = {"1", "450", "1,200", "1,200,000", "1234,567", "2.5", "12345", " ", "  ", "\t", "bn", "m", "k",
            "mn", "billion", " billion", "million", "millions", "pounds", "pounds sterling", "pound", "US dollars",
            "dollars", "dollar", "euros", "euro", "yen", "roubles", "hryvnias", "yuan", "renminbi", "rupees",
            "Swiss francs", "Euros", "a", "x", "_", ".", ",", "-", "é", "\u0301", "450 euros", "2.5 billion pounds",
            "1,200 US dollars", "5bn yen", "3 m rupees", " 7 dollars"};
        ScannerCheck.matchesAsThePattern(AmountExtractor.WORD_AMOUNT, NumberScanners::wordAmount, pieces, 6, 1_000);
    }
}
