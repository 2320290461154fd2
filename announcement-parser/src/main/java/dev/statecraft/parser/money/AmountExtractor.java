package dev.statecraft.parser.money;

import static dev.statecraft.parser.text.RegexChars.startsWithIgnoringAsciiCase;

import dev.statecraft.model.Amount;
import dev.statecraft.model.Span;
import dev.statecraft.parser.text.Anchors;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Sums of money: "$450 billion", "£1.2m", "€50 million", "2.5 billion euros", "US$3bn". */
public final class AmountExtractor {
    /**
     * "over", "more than": written before a number, kept in the mention's text; the former pattern was
     * {@code (?i:over|more than|...)\\s+$}, searched over the {@link #APPROXIMATION_REACH} chars before the number.
     */
    private static final List<String> APPROXIMATIONS = List.of("over", "more than", "almost", "nearly", "around",
            "about", "approximately", "up to", "at least", "some", "an additional", "a further", "an extra",
            "another", "a total of");
    private static final int APPROXIMATION_REACH = 24;
    /**
     * The last word of each {@link #APPROXIMATIONS} alternative: a match ends with one of these (in any ASCII case,
     * maybe at the end of a longer word), then only whitespace up to the number. Where the letters before the
     * number's whitespace end otherwise, the pattern is not tried (a search over 24 chars per number).
     */
    private static final String[] APPROXIMATION_LAST_WORDS = {"over", "than", "almost", "nearly", "around", "about",
        "approximately", "to", "least", "some", "additional", "further", "extra", "another", "of"};
    /** Where an amount can start, for {@link Anchors#find}: a currency code or sign, or a digit. */
    public static final Set<String> ANCHOR_WORDS = Set.of("us", "u", "a", "au", "c", "ca", "nz", "hk", "s", "usd",
            "gbp", "eur", "jpy", "chf");
    public static final String ANCHOR_SYMBOLS = "$£€¥₹";
    private static final Set<String> NUMBER_START = Set.of(Anchors.DIGIT);
    /** A symbol amount starts with a currency code or sign, never at a date word or a bare number. */
    private static final Set<String> SYMBOL_START = symbolStart();
    /** The word sets this extractor passes to {@link Anchors#matchAt}, for {@link Anchors.Vocabulary}. */
    public static final List<Set<String>> MATCH_SETS = List.of(NUMBER_START, SYMBOL_START);
    private static final String SYMBOL = "(US\\$|U\\.S\\.\\s?\\$|A\\$|AU\\$|C\\$|CA\\$|NZ\\$|HK\\$|S\\$|\\$|£|€|¥|₹"
            + "|USD\\s?|GBP\\s?|EUR\\s?|JPY\\s?|CHF\\s?)";
    private static final String CURRENCY_WORD = "(pounds sterling|pounds|pound|US dollars|dollars|dollar|euros|euro"
            + "|yen|roubles|rubles|hryvnias|hryvnia|yuan|renminbi|rupees|Swiss francs)";
    static final Pattern SYMBOL_AMOUNT = Pattern.compile(SYMBOL + Numbers.NUMBER
            + "(?:\\s?" + Numbers.SCALE + "\\b)?(?:\\s+(?:pounds(?: sterling)?|dollars|euros)\\b)?");
    static final Pattern WORD_AMOUNT = Pattern.compile("(?<![\\w.,])" + Numbers.NUMBER
            + "(?:\\s?" + Numbers.SCALE + ")?\\s+" + CURRENCY_WORD + "\\b");
    private static final Map<String, String> SYMBOL_CURRENCY = Map.ofEntries(
            Map.entry("$", "USD"), Map.entry("us$", "USD"), Map.entry("u.s.$", "USD"), Map.entry("u.s. $", "USD"),
            Map.entry("a$", "AUD"), Map.entry("au$", "AUD"), Map.entry("c$", "CAD"), Map.entry("ca$", "CAD"),
            Map.entry("nz$", "NZD"), Map.entry("hk$", "HKD"), Map.entry("s$", "SGD"), Map.entry("£", "GBP"),
            Map.entry("€", "EUR"), Map.entry("¥", "JPY"), Map.entry("₹", "INR"), Map.entry("usd", "USD"),
            Map.entry("gbp", "GBP"), Map.entry("eur", "EUR"), Map.entry("jpy", "JPY"), Map.entry("chf", "CHF"));
    private static final Map<String, String> WORD_CURRENCY = Map.ofEntries(
            Map.entry("pounds sterling", "GBP"), Map.entry("pounds", "GBP"), Map.entry("pound", "GBP"),
            Map.entry("us dollars", "USD"), Map.entry("dollars", "USD"), Map.entry("dollar", "USD"),
            Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("yen", "JPY"),
            Map.entry("roubles", "RUB"), Map.entry("rubles", "RUB"), Map.entry("hryvnias", "UAH"),
            Map.entry("hryvnia", "UAH"), Map.entry("yuan", "CNY"), Map.entry("renminbi", "CNY"),
            Map.entry("rupees", "INR"), Map.entry("swiss francs", "CHF"));

    /** Every {@link #CURRENCY_WORD} holds one of these (lower case): without any, no word amount is tried. */
    private static final List<String> CURRENCY_STEMS = List.of("pound", "dollar", "euro", "yen", "rouble", "ruble",
            "hryvnia", "yuan", "renminbi", "rupee", "swiss franc");
    /** The longest {@link #SYMBOL} ("U.S. $"): its number's first digit comes at most this far after the anchor. */
    private static final int MAX_SYMBOL_LENGTH = 6;

    private AmountExtractor() {
    }

    /**
     * {@link #SYMBOL_AMOUNT} at an anchor: a digit within {@link #MAX_SYMBOL_LENGTH} chars after it (most "a"
     * and "s" anchors are words, not currencies).
     */
    static boolean symbolAmountMayStartAt(String text, int at) {
        for (int i = at + 1; i <= at + MAX_SYMBOL_LENGTH && i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #WORD_AMOUNT} at a number: no word char, point or comma before it (its lookbehind); after the run of
     * digits, commas and points (the number takes all of it, as nothing after the number may be one of those), spaces
     * and a currency word's initial, or maybe a space, letters (the scale), spaces and that initial. The regex was
     * tried at every number of a text holding a currency word (~2 % of a seed parse in JFR).
     */
    static boolean wordAmountMayStartAt(String text, int at) {
        if (at > 0 && (isAsciiWordChar(text.charAt(at - 1)) || text.charAt(at - 1) == '.'
                || text.charAt(at - 1) == ',')) {
            return false;
        }
        int end = at;
        while (end < text.length() && (text.charAt(end) >= '0' && text.charAt(end) <= '9' || text.charAt(end) == ','
                || text.charAt(end) == '.')) {
            end++;
        }
        if (currencyInitialAfterSpaces(text, end)) {
            return true;
        }
        int scale = end < text.length() && isRegexSpace(text.charAt(end)) ? end + 1 : end;
        int scaleEnd = scale;
        while (scaleEnd < text.length() && isAsciiLetter(text.charAt(scaleEnd))) {
            scaleEnd++;
        }
        return scaleEnd > scale && currencyInitialAfterSpaces(text, scaleEnd);
    }

    /** One or more regex {@code \\s} from {@code i}, then the first letter of a {@link #CURRENCY_WORD}. */
    private static boolean currencyInitialAfterSpaces(String text, int i) {
        int s = i;
        while (s < text.length() && isRegexSpace(text.charAt(s))) {
            s++;
        }
        return s > i && s < text.length() && "pUdeyrhS".indexOf(text.charAt(s)) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    private static Set<String> symbolStart() {
        Set<String> start = new java.util.HashSet<>(ANCHOR_WORDS);
        for (char c : ANCHOR_SYMBOLS.toCharArray()) {
            start.add(String.valueOf(c));
        }
        return Set.copyOf(start);
    }

    /**
     * Finds the amounts and marks their characters in {@code claimed}, so quantities do not re-read them.
     *
     * @param anchors the text's anchors, found with at least {@link #ANCHOR_WORDS}, {@link #ANCHOR_SYMBOLS}
     */
    public static List<Amount> extract(String text, BitSet claimed, Anchors anchors) {
        List<Amount> amounts = new ArrayList<>();
        anchors.matchAt(SYMBOL_AMOUNT, NumberScanners::symbolAmount, text, SYMBOL_START, null, null,
                AmountExtractor::symbolAmountMayStartAt, m -> {
            String currency = SYMBOL_CURRENCY.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            add(text, m, currency, Numbers.value(m.group(2), m.group(3), m.group(4)), claimed, amounts);
        });
        if (CURRENCY_STEMS.stream().anyMatch(anchors::mayContain)) {
            anchors.matchAt(WORD_AMOUNT, NumberScanners::wordAmount, text, NUMBER_START, null, null,
                    AmountExtractor::wordAmountMayStartAt, m -> {
                String currency = WORD_CURRENCY.get(m.group(4).toLowerCase(Locale.ROOT));
                add(text, m, currency, Numbers.value(m.group(1), m.group(2), m.group(3)), claimed, amounts);
            });
        }
        amounts.sort((a, b) -> Integer.compare(a.spans().get(0).start(), b.spans().get(0).start()));
        return amounts;
    }

    /** Start of the mention including an approximation right before the number ("over £9 billion"). */
    static int withApproximation(String text, int start) {
        if (!mayEndApproximation(text, start)) {
            return start;
        }
        int limit = Math.max(0, start - APPROXIMATION_REACH);
        // Where the regex's $ can stand: at the end, or before a final line terminator that is no \\s.
        int leftmost = leftmostApproximation(text, limit, start);
        if (isNonSpaceLineEnd(text.charAt(start - 1))) {
            int beforeTerminator = leftmostApproximation(text, limit, start - 1);
            leftmost = leftmost < 0 || beforeTerminator >= 0 && beforeTerminator < leftmost ? beforeTerminator
                    : leftmost;
        }
        if (leftmost < 0) {
            return start;
        }
        // Only the leftmost match counts: the former regex search went on from the match's end, where nothing
        // more can match.
        return leftmost == 0 || !Character.isLetterOrDigit(text.charAt(leftmost - 1)) ? leftmost : start;
    }

    /**
     * The leftmost offset from {@code limit} on where {@link #APPROXIMATIONS} matches {@code text[at, end)} whole (an
     * alternative in any ASCII case, then one or more {@code \\s} up to {@code end}), or -1. No alternative ends in
     * a space, so each must end where the run of spaces before {@code end} begins.
     */
    private static int leftmostApproximation(String text, int limit, int end) {
        int spaces = end;
        while (spaces > limit && isRegexSpace(text.charAt(spaces - 1))) {
            spaces--;
        }
        if (spaces == end) {
            return -1;
        }
        int leftmost = -1;
        for (String alternative : APPROXIMATIONS) {
            int at = spaces - alternative.length();
            if (at >= limit && (leftmost < 0 || at < leftmost) && startsWithIgnoringAsciiCase(text, at, alternative)) {
                leftmost = at;
            }
        }
        return leftmost;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** A line terminator before which {@code $} matches at the end of the input, and that no {@code \\s} covers. */
    private static boolean isNonSpaceLineEnd(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Whether an {@link #APPROXIMATIONS} match can end at {@code end}: before it (past the whitespace and line
     * terminators that {@code \\s+$} can span) the letters end with one of {@link #APPROXIMATION_LAST_WORDS}.
     */
    static boolean mayEndApproximation(String text, int end) {
        int i = end;
        int limit = Math.max(0, end - APPROXIMATION_REACH);
        while (i > limit && isSpaceOrLineEnd(text.charAt(i - 1))) {
            i--;
        }
        if (i == end) {
            return false; // \\s+ needs at least one
        }
        for (String word : APPROXIMATION_LAST_WORDS) {
            if (i - word.length() >= limit && startsWithIgnoringAsciiCase(text, i - word.length(), word)) {
                return true;
            }
        }
        return false;
    }

    /** Regex {@code \\s}, or a line terminator that {@code $} may stand before. */
    private static boolean isSpaceOrLineEnd(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static void add(String text, MatchResult m, String currency, java.math.BigDecimal value, BitSet claimed,
            List<Amount> out) {
        if (currency == null || claimed.get(m.start())) {
            return;
        }
        int start = withApproximation(text, m.start());
        claimed.set(start, m.end());
        out.add(new Amount(value, currency, text.substring(start, m.end()), List.of(new Span(start, m.end()))));
    }
}
