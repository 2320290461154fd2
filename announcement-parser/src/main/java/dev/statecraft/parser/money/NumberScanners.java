package dev.statecraft.parser.money;

import static dev.statecraft.parser.text.RegexChars.NO;
import static dev.statecraft.parser.text.RegexChars.UNKNOWN;
import static dev.statecraft.parser.text.RegexChars.YES;
import static dev.statecraft.parser.text.RegexChars.boundaryAt;
import static dev.statecraft.parser.text.RegexChars.isDigit;
import static dev.statecraft.parser.text.RegexChars.isRegexSpace;
import static dev.statecraft.parser.text.RegexChars.skipSpaces;

import dev.statecraft.parser.text.Anchors;
import java.util.regex.MatchResult;

/**
 * Hand-written {@link Anchors.Scanner}s of the symbol-amount and quantity patterns: each walks the chars from the
 * anchor in the order the pattern's backtracking tries its choices ({@link Numbers#NUMBER}'s readings first), so it
 * finds the same match with the same groups without a matcher or a regex try. Where a word boundary has a surrogate
 * or a combining mark beside it they answer {@link Anchors#UNSURE} and the pattern decides.
 */
final class NumberScanners {
    /** {@code AmountExtractor}'s symbol alternatives in order; {@code true} where an optional space may follow. */
    private static final String[] SYMBOLS = {"US$", "U.S.$", "A$", "AU$", "C$", "CA$", "NZ$", "HK$", "S$", "$", "£", "€",
        "¥", "₹", "USD", "GBP", "EUR", "JPY", "CHF"};
    private static final String[] SCALES = {"trillion", "billion", "million", "thousand", "bn", "tn", "mn", "m", "k"};
    private static final String[] QUANTITY_SCALES = {"trillion", "billion", "million", "thousand"};
    /** {@code AmountExtractor}'s currency words in its order. */
    private static final String[] CURRENCY_WORDS = {"pounds sterling", "pounds", "pound", "US dollars", "dollars",
        "dollar", "euros", "euro", "yen", "roubles", "rubles", "hryvnias", "hryvnia", "yuan", "renminbi", "rupees",
        "Swiss francs"};
    private static final String[] CURRENCY_NOUNS = {"pounds sterling", "pounds", "dollars", "euros"};

    /** A reading's answer: no match here (try the next reading). */
    private static final int FAIL = -1;
    /** A reading's answer: the pattern must decide. */
    private static final int DEFER = -2;

    private NumberScanners() {
    }

    /** {@link AmountExtractor#SYMBOL_AMOUNT}: groups symbol, integer part, fraction, scale. */
    static MatchResult symbolAmount(String text, int at, int to) {
        for (int s = 0; s < SYMBOLS.length; s++) {
            String symbol = SYMBOLS[s];
            // "U.S.\s?$" holds an optional space; "USD\s?" ... end in one: with it first, then without.
            int[] symbolEnds;
            if (symbol.equals("U.S.$")) {
                if (!(at + 4 <= to && text.startsWith("U.S.", at))) {
                    continue;
                }
                int withSpace = at + 4 < to && isRegexSpace(text.charAt(at + 4)) && at + 6 <= to
                        && text.charAt(at + 5) == '$' ? at + 6 : -1;
                int without = at + 5 <= to && text.charAt(at + 4) == '$' ? at + 5 : -1;
                symbolEnds = new int[] {withSpace, without};
            } else {
                if (!(at + symbol.length() <= to && text.startsWith(symbol, at))) {
                    continue;
                }
                int end = at + symbol.length();
                boolean spaceMayFollow = Character.isLetter(symbol.charAt(symbol.length() - 1));
                symbolEnds = spaceMayFollow && end < to && isRegexSpace(text.charAt(end)) ? new int[] {end + 1, end}
                        : new int[] {end};
            }
            for (int symbolEnd : symbolEnds) {
                if (symbolEnd < 0) {
                    continue;
                }
                int[] g = new int[10];
                g[0] = at;
                g[2] = at;
                g[3] = symbolEnd;
                // Everything after the number is optional: its first reading is the match.
                int numberEnd = firstReading(text, symbolEnd, to, g, 4);
                if (numberEnd < 0) {
                    continue;
                }
                int end = numberEnd;
                g[8] = -1;
                g[9] = -1;
                int scaled = scaleAfter(text, end, to, g);
                if (scaled == DEFER) {
                    return Anchors.UNSURE;
                }
                if (scaled >= 0) {
                    end = scaled;
                }
                int noun = currencyNounAfter(text, end, to);
                if (noun == DEFER) {
                    return Anchors.UNSURE;
                }
                if (noun >= 0) {
                    end = noun;
                }
                g[1] = end;
                return new Anchors.Scanned(text, g);
            }
        }
        return null;
    }

    /** {@code (?:\s?SCALE\b)?}: the end with the scale (group at g[8..9]), FAIL for none, or DEFER. */
    private static int scaleAfter(String text, int i, int to, int[] g) {
        if (i < to && isRegexSpace(text.charAt(i))) {
            int end = wordAt(text, i + 1, to, SCALES);
            if (end != FAIL) {
                return groupEight(g, i + 1, end);
            }
        }
        return groupEight(g, i, wordAt(text, i, to, SCALES));
    }

    /** {@code (?:\s+(?:pounds(?: sterling)?|dollars|euros)\b)?}: the end with the noun, FAIL for none, or DEFER. */
    private static int currencyNounAfter(String text, int i, int to) {
        int s = skipSpaces(text, i, to);
        return s == i ? FAIL : wordAt(text, s, to, CURRENCY_NOUNS);
    }

    /** {@link AmountExtractor#WORD_AMOUNT}: groups integer part, fraction, scale, currency word. */
    static MatchResult wordAmount(String text, int at, int to) {
        if (at > 0 && (isAsciiLetter(text.charAt(at - 1)) || isDigit(text.charAt(at - 1))
                || "_.,".indexOf(text.charAt(at - 1)) >= 0)) {
            return null;
        }
        int[] g = new int[10];
        g[0] = at;
        int[] readings = readings(text, at, to);
        for (int r = 0; r < readings.length; r += 3) {
            g[2] = at;
            g[3] = readings[r];
            g[4] = readings[r + 1] < 0 ? -1 : readings[r] + 1;
            g[5] = readings[r + 1];
            int end = readings[r + 2];
            // "(?:\s?SCALE)?": with a space first, each scale in order; then without a scale.
            int[] starts = end < to && isRegexSpace(text.charAt(end)) ? new int[] {end + 1, end} : new int[] {end};
            for (int start : starts) {
                for (String scale : SCALES) {
                    int scaleEnd = start + scale.length();
                    if (scaleEnd > to || !text.startsWith(scale, start)) {
                        continue;
                    }
                    g[6] = start;
                    g[7] = scaleEnd;
                    MatchResult matched = ended(text, g, currencyWordAfter(text, scaleEnd, to, g));
                    if (matched != null) {
                        return matched;
                    }
                }
            }
            g[6] = -1;
            g[7] = -1;
            MatchResult matched = ended(text, g, currencyWordAfter(text, end, to, g));
            if (matched != null) {
                return matched;
            }
        }
        return null;
    }

    /** A scanner's answer for where the rest of its pattern ended: UNSURE for DEFER, none for FAIL, else the match. */
    private static MatchResult ended(String text, int[] g, int end) {
        if (end == DEFER) {
            return Anchors.UNSURE;
        }
        if (end < 0) {
            return null;
        }
        g[1] = end;
        return new Anchors.Scanned(text, g);
    }

    /** {@code \s+CURRENCY_WORD\b} from {@code i}: the end (group at g[8..9]), FAIL or DEFER. */
    private static int currencyWordAfter(String text, int i, int to, int[] g) {
        int s = skipSpaces(text, i, to);
        return s == i ? FAIL : groupEight(g, s, wordAt(text, s, to, CURRENCY_WORDS));
    }

    /**
     * {@code (?:WORD|…)\b} at {@code s}: the end of the first of {@code words} there that ends on a word boundary,
     * DEFER when a boundary before it cannot be decided, FAIL for none.
     */
    private static int wordAt(String text, int s, int to, String[] words) {
        for (String word : words) {
            int end = s + word.length();
            if (end > to || !text.startsWith(word, s)) {
                continue;
            }
            int boundary = boundaryAt(text, end);
            if (boundary == UNKNOWN) {
                return DEFER;
            }
            if (boundary == YES) {
                return end;
            }
        }
        return FAIL;
    }

    /** {@code end} as {@link #wordAt} gave it; a match (not FAIL or DEFER) becomes group g[8..9]. */
    private static int groupEight(int[] g, int start, int end) {
        if (end >= 0) {
            g[8] = start;
            g[9] = end;
        }
        return end;
    }

    /** {@link QuantityExtractor#QUANTITY}: groups integer part, fraction, scale, noun, second word. */
    static MatchResult quantity(String text, int at, int to) {
        if (at > 0 && isBeforeQuantity(text.charAt(at - 1))) {
            return null;
        }
        int[] g = new int[12];
        g[0] = at;
        // Each reading of the number in the regex's order, until the rest matches after one.
        int[] readings = readings(text, at, to);
        for (int r = 0; r < readings.length; r += 3) {
            g[2] = at;
            g[3] = readings[r];
            g[4] = readings[r + 1] < 0 ? -1 : readings[r] + 1;
            g[5] = readings[r + 1];
            int end = readings[r + 2];
            MatchResult matched = ended(text, g, quantityRest(text, end, to, g));
            if (matched != null) {
                return matched;
            }
        }
        return null;
    }

    /** {@code (?:\s(trillion|...))?\s+([A-Za-z][a-z-]{2,})\b(?:\s+([a-z][a-z-]{2,})\b)?} from {@code i}. */
    private static int quantityRest(String text, int i, int to, int[] g) {
        if (i < to && isRegexSpace(text.charAt(i))) {
            for (String scale : QUANTITY_SCALES) {
                int end = i + 1 + scale.length();
                if (end <= to && text.startsWith(scale, i + 1)) {
                    g[6] = i + 1;
                    g[7] = end;
                    int rest = nounAndWord(text, end, to, g);
                    if (rest != FAIL) {
                        return rest;
                    }
                }
            }
        }
        g[6] = -1;
        g[7] = -1;
        return nounAndWord(text, i, to, g);
    }

    private static int nounAndWord(String text, int i, int to, int[] g) {
        int s = skipSpaces(text, i, to);
        if (s == i || s >= to || !isAsciiLetter(text.charAt(s))) {
            return FAIL;
        }
        int noun = wordEnd(text, s, to);
        if (noun < 0) {
            return noun;
        }
        g[8] = s;
        g[9] = noun;
        int w = skipSpaces(text, noun, to);
        if (w > noun && w < to && isLowerAsciiLetter(text.charAt(w))) {
            int word = wordEnd(text, w, to);
            if (word == DEFER) {
                return DEFER;
            }
            if (word >= 0) {
                g[10] = w;
                g[11] = word;
                return word;
            }
        }
        g[10] = -1;
        g[11] = -1;
        return noun;
    }

    /**
     * {@code [a-z-]{2,}\b} after the letter at {@code s}: the longest run first, then shorter, as the greedy
     * repetition backtracks; FAIL or DEFER.
     */
    private static int wordEnd(String text, int s, int to) {
        int run = s + 1;
        while (run < to && (isLowerAsciiLetter(text.charAt(run)) || text.charAt(run) == '-')) {
            run++;
        }
        for (int end = run; end >= s + 3; end--) {
            int boundary = boundaryAt(text, end);
            if (boundary == UNKNOWN) {
                return DEFER;
            }
            if (boundary == YES) {
                return end;
            }
        }
        return FAIL;
    }

    /**
     * The first reading of {@link Numbers#NUMBER} at {@code i} in the regex's order: its end, with the integer part
     * and the fraction as groups {@code first} and {@code first + 1} of {@code g}; -1 for none.
     */
    private static int firstReading(String text, int i, int to, int[] g, int first) {
        int[] readings = readings(text, i, to);
        if (readings.length == 0) {
            return -1;
        }
        g[first] = i;
        g[first + 1] = readings[0];
        g[first + 2] = readings[1] < 0 ? -1 : readings[0] + 1;
        g[first + 3] = readings[1];
        return readings[2];
    }

    /**
     * Every reading of {@code (\d{1,3}(?:,\d{3}){1,5}|\d{1,15})(?![\d,]\d)(?:\.(\d{1,6}))?} at {@code i}, in the order
     * the regex tries them, as triples: integer part end, fraction end (-1 for none), end.
     */
    static int[] readings(String text, int i, int to) {
        int digits = 0;
        while (i + digits < to && digits < 15 && isDigit(text.charAt(i + digits))) {
            digits++;
        }
        if (digits == 0) {
            return new int[0];
        }
        Readings out = new Readings();
        // First alternative: one to three digits (most first), then one to five groups of ",ddd" (most first).
        for (int k = Math.min(3, digits); k >= 1; k--) {
            int groups = 0;
            int p = i + k;
            while (groups < 5 && p + 4 <= to && text.charAt(p) == ',' && isDigit(text.charAt(p + 1))
                    && isDigit(text.charAt(p + 2)) && isDigit(text.charAt(p + 3))) {
                groups++;
                p += 4;
            }
            for (int gr = groups; gr >= 1; gr--) {
                out.addWithFractions(text, i + k + 4 * gr, to);
            }
        }
        // Second alternative: one to fifteen digits (most first).
        for (int k = digits; k >= 1; k--) {
            out.addWithFractions(text, i + k, to);
        }
        return java.util.Arrays.copyOf(out.values, 3 * out.count);
    }

    /** The readings found so far. */
    private static final class Readings {
        int[] values = new int[24];
        int count;

        /** The readings whose integer part ends at {@code e}: none where the lookahead fails, else by fraction. */
        void addWithFractions(String text, int e, int to) {
            // (?![\d,]\d): the lookahead sees past the region (transparent bounds).
            if (e + 1 < text.length() && (isDigit(text.charAt(e)) || text.charAt(e) == ',')
                    && isDigit(text.charAt(e + 1))) {
                return;
            }
            int fraction = 0;
            if (e < to && text.charAt(e) == '.') {
                while (fraction < 6 && e + 1 + fraction < to && isDigit(text.charAt(e + 1 + fraction))) {
                    fraction++;
                }
            }
            for (int f = fraction; f >= 0; f--) {
                if (3 * count + 3 > values.length) {
                    values = java.util.Arrays.copyOf(values, values.length * 2);
                }
                values[3 * count] = e;
                values[3 * count + 1] = f == 0 ? -1 : e + 1 + f;
                values[3 * count + 2] = f == 0 ? e : e + 1 + f;
                count++;
            }
        }
    }

    /** The quantity's lookbehind {@code [\w.,$£€¥/-]} (ASCII word chars). */
    private static boolean isBeforeQuantity(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || ".,$£€¥/-".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isLowerAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
