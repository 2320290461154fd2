package dev.statecraft.parser.text;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The copies of a body text that the extractors read, made together in one pass over its chars (each was a
 * pass and a copy of its own): the chars, the case-folded chars ({@link Gazetteer#foldChars}), the
 * {@link SearchView}s of both, and the word starts of the folded chars ({@link WordTrie#wordStarts}). All share
 * the text's offsets.
 */
public record TextViews(char[] chars, char[] folded, String foldedSearch, String textSearch, int[] wordStarts) {
    public static TextViews of(String text) {
        char[] chars = text.toCharArray();
        int length = chars.length;
        char[] folded = new char[length];
        // Latin-1 bytes of the search views: a char above U+00FF becomes U+0000, as in SearchView.
        byte[] foldedLatin1 = new byte[length];
        byte[] textLatin1 = new byte[length];
        int[] wordStarts = new int[Math.max(16, length / 4)];
        int words = 0;
        boolean previousIsWordChar = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            char f = Gazetteer.fold(c);
            folded[i] = f;
            textLatin1[i] = c > 0xFF ? 0 : (byte) c;
            foldedLatin1[i] = f > 0xFF ? 0 : (byte) f;
            boolean wordChar = TextWords.isLetterOrDigit(f);
            if (wordChar && !previousIsWordChar) {
                if (words == wordStarts.length) {
                    wordStarts = Arrays.copyOf(wordStarts, words * 2);
                }
                wordStarts[words++] = i;
            }
            previousIsWordChar = wordChar;
        }
        return new TextViews(chars, folded, new String(foldedLatin1, StandardCharsets.ISO_8859_1),
                new String(textLatin1, StandardCharsets.ISO_8859_1), Arrays.copyOf(wordStarts, words));
    }
}
