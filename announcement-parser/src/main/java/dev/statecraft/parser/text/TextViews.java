package dev.statecraft.parser.text;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The copies of a body text that the extractors read, made together in one pass over its chars (each was a
 * pass and a copy of its own): the chars, the case-folded chars ({@link Gazetteer#foldChars}), the
 * {@link SearchView}s of both, and the {@link Words} of the folded chars (their starts are the
 * {@link WordTrie#wordStarts}). All share the text's offsets.
 *
 * <p>{@code textWords} are the words of the chars themselves, which the persons' words ({@code people.Tokens})
 * and the {@link Anchors} are built from instead of a pass of their own. Folding keeps every char a letter, a
 * digit or neither as it was, except a few it turns into punctuation (U+02BC, a letter, becomes an apostrophe;
 * {@code TextViewsTest} checks every char): so they are the same words, and only a text holding such a char
 * takes a second pass for its own.
 */
public record TextViews(char[] chars, char[] folded, String foldedSearch, String textSearch, Words words,
        Words textWords) {

    /**
     * The maximal runs of letters and digits of a text: word i is {@code [starts[i], ends[i])}, and
     * {@code hasDigit[i]} when it holds a digit (else it is all letters).
     */
    public record Words(int[] starts, int[] ends, boolean[] hasDigit) {
        public int count() {
            return starts.length;
        }

        /** The words of {@code text} on their own (the views find them in their one pass). */
        static Words of(char[] text) {
            int[] starts = new int[Math.max(16, text.length / 4)];
            int[] ends = new int[starts.length];
            boolean[] hasDigit = new boolean[starts.length];
            int words = 0;
            int i = 0;
            while (i < text.length) {
                if (!TextWords.isLetterOrDigit(text[i])) {
                    i++;
                    continue;
                }
                if (words == starts.length) {
                    starts = Arrays.copyOf(starts, words * 2);
                    ends = Arrays.copyOf(ends, words * 2);
                    hasDigit = Arrays.copyOf(hasDigit, words * 2);
                }
                starts[words] = i;
                boolean digit = false;
                while (i < text.length && TextWords.isLetterOrDigit(text[i])) {
                    digit |= TextWords.isDigit(text[i++]);
                }
                ends[words] = i;
                hasDigit[words++] = digit;
            }
            return new Words(Arrays.copyOf(starts, words), Arrays.copyOf(ends, words),
                    Arrays.copyOf(hasDigit, words));
        }
    }

    public static TextViews of(String text) {
        char[] chars = text.toCharArray();
        int length = chars.length;
        char[] folded = new char[length];
        // Latin-1 bytes of the search views: a char above U+00FF becomes U+0000, as in SearchView.
        byte[] foldedLatin1 = new byte[length];
        byte[] textLatin1 = new byte[length];
        int capacity = Math.max(16, length / 4);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        boolean[] hasDigit = new boolean[capacity];
        int words = 0;
        boolean inWord = false;
        boolean digitInWord = false;
        boolean foldedAwayLetter = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            char f = Gazetteer.fold(c);
            folded[i] = f;
            textLatin1[i] = c > 0xFF ? 0 : (byte) c;
            foldedLatin1[i] = f > 0xFF ? 0 : (byte) f;
            boolean wordChar;
            if (f >= 'a' && f <= 'z') {
                wordChar = true; // most chars: folded ASCII holds no upper-case letter
            } else if (f < 0x80) {
                wordChar = f >= '0' && f <= '9';
                digitInWord |= wordChar;
                if (c >= 0x80 && !wordChar) {
                    foldedAwayLetter |= Character.isLetterOrDigit(c); // U+02BC
                }
            } else {
                wordChar = Character.isLetterOrDigit(f);
                digitInWord |= wordChar && Character.isDigit(f);
                foldedAwayLetter |= f != c && !wordChar && Character.isLetterOrDigit(c);
            }
            if (wordChar != inWord) {
                if (wordChar) {
                    if (words == starts.length) {
                        starts = Arrays.copyOf(starts, words * 2);
                        ends = Arrays.copyOf(ends, words * 2);
                        hasDigit = Arrays.copyOf(hasDigit, words * 2);
                    }
                    starts[words] = i;
                } else {
                    ends[words] = i;
                    hasDigit[words++] = digitInWord;
                    digitInWord = false;
                }
                inWord = wordChar;
            }
        }
        if (inWord) {
            ends[words] = length;
            hasDigit[words++] = digitInWord;
        }
        Words foldedWords = new Words(Arrays.copyOf(starts, words), Arrays.copyOf(ends, words),
                Arrays.copyOf(hasDigit, words));
        return new TextViews(chars, folded, new String(foldedLatin1, StandardCharsets.ISO_8859_1),
                new String(textLatin1, StandardCharsets.ISO_8859_1), foldedWords,
                foldedAwayLetter ? Words.of(chars) : foldedWords);
    }

    /** The starts of the words of the folded chars: the {@link WordTrie#wordStarts}. */
    public int[] wordStarts() {
        return words.starts();
    }
}
