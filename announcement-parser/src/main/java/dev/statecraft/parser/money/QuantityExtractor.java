package dev.statecraft.parser.money;

import dev.statecraft.model.Quantity;
import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.text.Anchors;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Counted things that are not money: "over 120,000 soldiers", "500 tanks", "1.1 million people". */
public final class QuantityExtractor {
    private static final Set<String> NUMBER_START = Set.of(Anchors.DIGIT);
    /** The word sets this extractor passes to {@link Anchors#matchAt}, for {@link Anchors.Vocabulary}. */
    public static final List<Set<String>> MATCH_SETS = List.of(NUMBER_START);
    static final Pattern QUANTITY = Pattern.compile("(?<![\\w.,$£€¥/-])"
            + Numbers.NUMBER + "(?:\\s" + "(trillion|billion|million|thousand)" + ")?\\s+([A-Za-z][a-z-]{2,})\\b"
            + "(?:\\s+([a-z][a-z-]{2,})\\b)?");
    /** Nouns whose plural has no -s. */
    private static final Set<String> UNCOUNTED_PLURALS = Set.of("people", "personnel", "staff", "children", "men",
            "women", "police", "troops", "aircraft", "livestock", "refugees", "civilians", "sheep", "fish");
    private static final Set<String> NOT_UNITS = Set.of("years", "months", "weeks", "days", "hours", "minutes",
            "seconds", "decades", "centuries", "times", "percent", "cent", "per", "and", "the", "has", "was", "were",
            "are", "its", "his", "her", "this", "that", "these", "those", "others", "ones", "pages", "series", "is");
    /** Words between a number and its noun: "18 oil tankers", "400 shadow fleet vessels". */
    private static final int MAX_MODIFIERS = 3;
    private static final Set<String> MODIFIER_STOPS = Set.of("and", "or", "the", "of", "to", "in", "for", "with",
            "from", "by", "on", "at", "per", "a", "an", "was", "were", "is", "are", "has", "have", "had", "will",
            "would", "that", "which", "who", "as", "than", "into", "across", "between", "since", "under", "over");
    private static final Pattern YEAR = Pattern.compile("(?:1[89]|20)\\d{2}");

    private QuantityExtractor() {
    }

    /** @param anchors the text's anchors, found with digits */
    public static List<Quantity> extract(String text, BitSet claimed, Anchors anchors) {
        List<Quantity> quantities = new ArrayList<>();
        anchors.matchAt(QUANTITY, NumberScanners::quantity, text, NUMBER_START, null, null,
                QuantityExtractor::quantityMayStartAt, m -> {
            String unit = m.group(4);
            int end = m.end(4);
            if (!countable(unit)) {
                // modifiers before the noun: "12 Typhoon jets", "18 oil tankers", "5 Type 26 frigates"
                int nounEnd = countedNounEnd(text, m.end(4));
                if (nounEnd > 0) {
                    end = nounEnd;
                    unit = text.substring(TextWords.wordStart(text, nounEnd), nounEnd);
                }
            }
            String lower = unit.toLowerCase(Locale.ROOT);
            boolean countable = countable(unit);
            boolean year = m.group(3) == null && m.group(2) == null && YEAR.matcher(m.group(1)).matches();
            int start = AmountExtractor.withApproximation(text, m.start());
            if (!countable || NOT_UNITS.contains(lower) || year || claimed.get(m.start(1))
                    || followsName(text, start)) {
                return;
            }
            claimed.set(start, end);
            quantities.add(new Quantity(Numbers.value(m.group(1), m.group(2), m.group(3)), unit,
                    text.substring(start, end), List.of(new Span(start, end))));
        });
        return quantities;
    }

    /**
     * {@link #QUANTITY} at a number (see Anchors.StartTest): no word char, point, comma, currency sign, slash or
     * hyphen right before it (its lookbehind), and a regex {@code \\s} right after its run of digits, commas and
     * points (the number ends there, as no {@code \\s} is one of those chars, and a space must follow it).
     */
    static boolean quantityMayStartAt(String text, int at) {
        if (at > 0 && "_.,$£€¥/-".indexOf(text.charAt(at - 1)) >= 0 || at > 0 && isAsciiWordChar(text.charAt(at - 1))) {
            return false;
        }
        int i = at;
        while (i < text.length() && (text.charAt(i) >= '0' && text.charAt(i) <= '9' || text.charAt(i) == ','
                || text.charAt(i) == '.')) {
            i++;
        }
        return i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * End of the first plural noun among the next few words after {@code from}, when only modifiers (nouns,
     * names, model numbers) stand between; -1 when a function word or punctuation comes first.
     */
    private static int countedNounEnd(String text, int from) {
        int i = from;
        for (int word = 0; word < MAX_MODIFIERS; word++) {
            if (i >= text.length() || text.charAt(i) != ' ') {
                return -1;
            }
            int start = ++i;
            while (i < text.length() && (TextWords.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            String w = text.substring(start, i);
            if (w.isEmpty() || MODIFIER_STOPS.contains(w.toLowerCase(Locale.ROOT))) {
                return -1;
            }
            if (w.length() >= 3 && Character.isLetter(w.charAt(0)) && countable(w)
                    && !NOT_UNITS.contains(w.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean countable(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        return lower.endsWith("s") || UNCOUNTED_PLURALS.contains(lower);
    }

    /** "Type 2 diabetes", "Article 5 commitments": a number that is part of a name. */
    private static boolean followsName(String text, int start) {
        String previous = TextWords.wordBefore(text, start);
        return previous != null && TextWords.isCapitalised(previous) && !TextWords.isFunctionWord(previous);
    }
}
