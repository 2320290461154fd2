package dev.statecraft.parser.people;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import java.util.Arrays;

/**
 * The words of a text, found in one scan: word i is {@code [start(i), end(i))}, without a trailing possessive
 * ('s). Parallel arrays instead of an object per word, with whether a word is capitalised decided in the same
 * scan (both person passes ask it of every word); a word's text is cut out only when asked for (most words are
 * only ever checked for a capital, and a substring of a UTF-16 text is costly), and then once.
 */
final class Tokens {
    private final char[] body;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] capitalised;
    private final int count;
    private final String[] texts;

    private Tokens(char[] body, int[] starts, int[] ends, boolean[] capitalised, int count) {
        this.body = body;
        this.starts = starts;
        this.ends = ends;
        this.capitalised = capitalised;
        this.count = count;
        this.texts = new String[count];
    }

    /** The text the words are read from. */
    char[] chars() {
        return body;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    String text(int i) {
        String text = texts[i];
        if (text == null) {
            text = new String(body, starts[i], ends[i] - starts[i]);
            texts[i] = text;
        }
        return text;
    }

    /** {@link Gazetteer#isSurnameParticle} of the word, without cutting out words too long to be one. */
    boolean isSurnameParticle(int i) {
        return Gazetteer.isSurnameParticle(body, starts[i], ends[i]);
    }

    /** {@link TextWords#isFunctionWord(String)} of the word, tested in place (no string cut out). */
    boolean isFunctionWord(int i) {
        return TextWords.isFunctionWord(body, starts[i], ends[i]);
    }

    /** {@link Gazetteer#isHonorific(String)} of the word, tested in place (no string cut out). */
    boolean isHonorific(int i, Gazetteer gazetteer) {
        return gazetteer.isHonorific(body, starts[i], ends[i]);
    }

    /** An upper-case first letter and a lower-case letter after it ("Kallas", not "EU" or "eu"). */
    boolean isCapitalised(int i) {
        return capitalised[i];
    }

    static Tokens of(String body) {
        return of(body.toCharArray());
    }

    /** As {@link #of(String)} on the text's chars (array reads are cheaper than charAt on UTF-16). */
    static Tokens of(char[] body) {
        int capacity = body.length / 6 + 4; // about one word per six chars: grown rarely
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        boolean[] capitalised = new boolean[capacity];
        int count = 0;
        int i = 0;
        int n = body.length;
        while (i < n) {
            if (!TextWords.isLetter(body[i])) {
                i++;
                continue;
            }
            int start = i;
            char first = body[i];
            boolean upperFirst = first < 0x80 ? first >= 'A' && first <= 'Z' : Character.isUpperCase(first);
            int firstLower = -1; // the first lower-case letter after the first char
            while (i < n && isWordPart(body, i)) {
                if (firstLower < 0 && i > start) {
                    char c = body[i];
                    firstLower = (c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c)) ? i : -1;
                }
                i++;
            }
            int end = i;
            if (end - start > 2 && (body[end - 1] == 's' || body[end - 1] == 'S')
                    && isApostrophe(body[end - 2])) {
                end -= 2;
            } else if (end - start > 1 && isApostrophe(body[end - 1])) {
                end -= 1;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, 2 * count);
                ends = Arrays.copyOf(ends, 2 * count);
                capitalised = Arrays.copyOf(capitalised, 2 * count);
            }
            starts[count] = start;
            ends[count] = end;
            capitalised[count++] = upperFirst && firstLower >= 0 && firstLower < end;
        }
        return new Tokens(body, starts, ends, capitalised, count);
    }

    private static boolean isWordPart(char[] s, int i) {
        char c = s[i];
        if (c < 0x80) {
            // ASCII: no combining marks, so a letter, digit or inner hyphen/apostrophe.
            return TextWords.isLetterOrDigit(c) || isInnerPunctuation(s, i);
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || isInnerPunctuation(s, i);
    }

    private static boolean isInnerPunctuation(char[] s, int i) {
        char c = s[i];
        return (c == '-' || isApostrophe(c)) && i + 1 < s.length && TextWords.isLetter(s[i + 1]);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }
}
