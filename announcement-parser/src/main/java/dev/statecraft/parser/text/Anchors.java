package dev.statecraft.parser.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pattern only where a match can start (before certain words, digits or symbols) instead of at every
 * character: one cheap pass finds the anchors, then each pattern is tried with {@code lookingAt} there.
 * This keeps the many small extraction patterns linear and fast on long texts.
 */
public final class Anchors {
    /** Longest stretch a pattern may match from its anchor. */
    private static final int WINDOW = 160;
    private static final int MAX_WORD = 12;

    private Anchors() {
    }

    /**
     * Sorted start offsets of: words whose lower-case form is in {@code words}, digit runs (when
     * {@code digits}), and the characters in {@code symbols}.
     */
    public static int[] find(String text, Set<String> words, boolean digits, String symbols) {
        int[] out = new int[16];
        int n = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < length && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
                if (wordStart && i - start <= MAX_WORD && !words.isEmpty()
                        && words.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    out = add(out, n++, start);
                }
                continue;
            }
            if (digits && Character.isDigit(c) && (i == 0 || !Character.isDigit(text.charAt(i - 1)))) {
                out = add(out, n++, i);
            } else if (symbols.indexOf(c) >= 0) {
                out = add(out, n++, i);
            }
            i++;
        }
        return Arrays.copyOf(out, n);
    }

    /** Stands for any digit in a set of start words. */
    public static final String DIGIT = "0";

    /** The lower-case word starting at {@code offset}, or {@link #DIGIT} for a number. */
    static String wordAt(String text, int offset) {
        if (Character.isDigit(text.charAt(offset))) {
            return DIGIT;
        }
        int end = offset;
        while (end < text.length() && end - offset <= MAX_WORD && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(offset, end).toLowerCase(Locale.ROOT);
    }

    private static int[] add(int[] array, int index, int value) {
        int[] a = index == array.length ? Arrays.copyOf(array, array.length * 2) : array;
        a[index] = value;
        return a;
    }

    /**
     * Tries {@code pattern} at each anchor (in order, never overlapping its own previous match) and hands each
     * match to {@code onMatch}. Lookbehinds and word boundaries still see the text around the anchor.
     */
    public static void matchAt(Pattern pattern, String text, int[] anchors, Consumer<Matcher> onMatch) {
        matchAt(pattern, text, anchors, null, onMatch);
    }

    /**
     * Like {@link #matchAt(Pattern, String, int[], Consumer)}, trying only the anchors that are a digit (when
     * {@code startWords} holds {@link #DIGIT}) or one of {@code startWords} (lower case); null tries all.
     */
    public static void matchAt(Pattern pattern, String text, int[] anchors, Set<String> startWords,
            Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int after = 0;
        for (int anchor : anchors) {
            if (anchor < after || (startWords != null && !startWords.contains(wordAt(text, anchor)))) {
                continue;
            }
            m.region(anchor, Math.min(text.length(), anchor + WINDOW));
            if (m.lookingAt()) {
                after = m.end();
                onMatch.accept(m);
            }
        }
    }
}
