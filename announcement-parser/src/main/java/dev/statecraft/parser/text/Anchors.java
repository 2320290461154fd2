package dev.statecraft.parser.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a text a date, an amount or a quantity can start: before certain words, at digits, at currency
 * signs. One cheap pass finds these anchors; each extraction pattern is then tried with {@code lookingAt}
 * only there instead of at every character, which keeps the many small patterns fast on long texts.
 */
public final class Anchors {
    /** Stands for any number among the start words of a pattern. */
    public static final String DIGIT = "0";
    /** Longest stretch a pattern may match from its anchor. */
    private static final int WINDOW = 160;
    private static final int MAX_WORD = 12;

    private final int[] offsets;
    /** The lower-case word at each anchor, {@link #DIGIT} for a number, or the symbol itself. */
    private final String[] words;

    private Anchors(int[] offsets, String[] words) {
        this.offsets = offsets;
        this.words = words;
    }

    /** Anchors of {@code text}: words whose lower-case form is in {@code words}, digit runs, and {@code symbols}. */
    public static Anchors find(String text, Set<String> words, String symbols) {
        int[] offsets = new int[16];
        String[] found = new String[16];
        int n = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            String word = null;
            int start = i;
            if (Character.isLetter(c)) {
                while (i < length && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
                if (wordStart && i - start <= MAX_WORD) {
                    String lower = text.substring(start, i).toLowerCase(Locale.ROOT);
                    word = words.contains(lower) ? lower : null;
                }
            } else {
                if (Character.isDigit(c) && (i == 0 || !Character.isDigit(text.charAt(i - 1)))) {
                    word = DIGIT;
                } else if (symbols.indexOf(c) >= 0) {
                    word = String.valueOf(c);
                }
                i++;
            }
            if (word != null) {
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                    found = Arrays.copyOf(found, n * 2);
                }
                offsets[n] = start;
                found[n++] = word;
            }
        }
        return new Anchors(Arrays.copyOf(offsets, n), Arrays.copyOf(found, n));
    }

    /**
     * Tries {@code pattern} at each anchor whose word is in {@code startWords} (all anchors when null), in order
     * and never overlapping its own previous match, and hands each match to {@code onMatch}. Lookbehinds and
     * word boundaries still see the text around the anchor.
     */
    public void matchAt(Pattern pattern, String text, Set<String> startWords, Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int after = 0;
        for (int k = 0; k < offsets.length; k++) {
            int anchor = offsets[k];
            if (anchor < after || (startWords != null && !startWords.contains(words[k]))) {
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
