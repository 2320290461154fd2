package dev.statecraft.parser.dates;

import static dev.statecraft.parser.text.RegexChars.startsWithIgnoringAsciiCase;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** A cheap "what is this date about": the few words before it in the same clause, trimmed of glue words. */
final class AboutPhrase {
    private static final int WINDOW = 120;
    private static final int MAX_WORDS = 6;
    private static final Set<String> GLUE = Set.of("a", "an", "the", "and", "or", "but", "of", "on", "in", "at",
            "by", "for", "from", "to", "since", "until", "till", "during", "before", "after", "ahead", "as", "with",
            "will", "would", "is", "are", "was", "were", "be", "been", "have", "has", "had", "which", "who", "that",
            "this", "its", "their", "our", "we", "it", "they", "throughout", "out", "also", "both", "than", "more",
            "over", "around", "about", "early", "late", "mid", "when", "where", "earlier", "later", "then");
    /** The {@link #GLUE} words by length (all ASCII lower case). */
    private static final String[][] GLUE_BY_LENGTH = glueByLength();

    private AboutPhrase() {
    }

    static String before(String text, int dateStart) {
        int from = Math.max(0, dateStart - WINDOW);
        int clauseStart = from;
        for (int i = dateStart - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (isClauseMark(c)) {
                clauseStart = i + 1;
                break;
            }
        }
        // The clause's words as [start, end) pairs: what trim() and a split at \s+ give, minus blank words,
        // without cutting out the words the phrase does not keep.
        int low = clauseStart;
        int high = dateStart;
        while (low < high && text.charAt(low) <= ' ') {
            low++;
        }
        while (high > low && text.charAt(high - 1) <= ' ') {
            high--;
        }
        int[] bounds = new int[16];
        int count = 0;
        for (int i = low; i < high; ) {
            while (i < high && isSplitSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < high && !isSplitSpace(text.charAt(i))) {
                i++;
            }
            if (i > start && !isBlank(text, start, i)) {
                if (2 * count == bounds.length) {
                    bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                }
                bounds[2 * count] = start;
                bounds[2 * count + 1] = i;
                count++;
            }
        }
        int first = 0;
        int last = count; // exclusive
        while (last > first && isGlue(text, bounds, last - 1)) {
            last--;
        }
        first = Math.max(first, last - MAX_WORDS);
        while (first < last && isGlue(text, bounds, first)) {
            first++;
        }
        if (first == last) {
            return null;
        }
        StringBuilder phrase = new StringBuilder();
        for (int w = first; w < last; w++) {
            if (w > first) {
                phrase.append(' ');
            }
            phrase.append(text, bounds[2 * w], bounds[2 * w + 1]);
        }
        return phrase.toString();
    }

    /** {@code String.isBlank} of {@code text[start, end)} (no whitespace lies outside the BMP). */
    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The chars of {@code \s} in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSplitSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** One of {@code ,;:.!?()“”"}, a newline or an en dash: where a clause ends. */
    private static boolean isClauseMark(char c) {
        return switch (c) {
            case ',', ';', ':', '.', '!', '?', '(', ')', '“', '”', '"', '\n', '–' -> true;
            default -> false;
        };
    }

    /**
     * Whether the word lower-cased is a {@link #GLUE} word: an ASCII word is compared in place with the glue words
     * of its length (a substring and a lower-cased copy per word before); others are lower-cased as before.
     */
    private static boolean isGlue(String text, int[] bounds, int word) {
        int start = bounds[2 * word];
        int end = bounds[2 * word + 1];
        if (end - start >= GLUE_BY_LENGTH.length) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 128) {
                return GLUE.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
            }
        }
        for (String glue : GLUE_BY_LENGTH[end - start]) {
            if (startsWithIgnoringAsciiCase(text, start, glue)) {
                return true;
            }
        }
        return false;
    }

    private static String[][] glueByLength() {
        int longest = GLUE.stream().mapToInt(String::length).max().orElse(0);
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int l = length;
            byLength[length] = GLUE.stream().filter(g -> g.length() == l).sorted().toArray(String[]::new);
        }
        return byLength;
    }
}
