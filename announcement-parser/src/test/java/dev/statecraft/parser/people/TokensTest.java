package dev.statecraft.parser.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.text.TextViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Tokens} finds the words, their texts and capitals as the former object-per-word tokenizer did. */
class TokensTest {
    private static final Random RANDOM = new Random(20261128);
    private static final String[] PIECES = {"Kaja", "KALLAS", "von", "de", "a", "É", "é", "ß", "ǅ", "1", "'", "’",
        "'s", "’S", "-", "_", ".", " ", "\u0301", "\u0300", "\ud835\udc00", "\ud835", "2025", "G7", "9am", "٣", "Ⅻ", "‑", "ʼ", "`", "x", "Z", "eu", "EU"};

    @Test
    void sameWordsAsTheFormerTokenizer() {
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 0, 12);
            char[] chars = text.toCharArray();
            Tokens tokens = Tokens.of(chars);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < tokens.count(); i++) {
                found.add(tokens.start(i) + ":" + tokens.end(i) + ":" + tokens.isCapitalised(i) + ":"
                        + tokens.isSurnameParticle(i) + ":" + tokens.text(i));
            }
            assertThat(found).as(text).isEqualTo(former(chars));
        }
    }

    @Test
    void wordsFromTheTextViewsAreTheWordsOfTheScan() {
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 0, 12);
            assertThat(described(Tokens.of(TextViews.of(text)))).as(text)
                    .isEqualTo(described(Tokens.of(text.toCharArray())));
        }
    }

    private static List<String> described(Tokens tokens) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.count(); i++) {
            words.add(tokens.start(i) + ":" + tokens.end(i) + ":" + tokens.isCapitalised(i) + ":" + tokens.text(i));
        }
        return words;
    }

    /** The former Token.tokenize and Token.isCapitalised, as they were. */
    private static List<String> former(char[] body) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = body.length;
        while (i < n) {
            if (!Character.isLetter(body[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordPart(body, i)) {
                i++;
            }
            int end = i;
            if (end - start > 2 && (body[end - 1] == 's' || body[end - 1] == 'S') && isApostrophe(body[end - 2])) {
                end -= 2;
            } else if (end - start > 1 && isApostrophe(body[end - 1])) {
                end -= 1;
            }
            String text = new String(body, start, end - start);
            tokens.add(start + ":" + end + ":" + isCapitalised(body, start, end) + ":"
                    + Gazetteer.isSurnameParticle(text) + ":" + text);
        }
        return tokens;
    }

    private static boolean isWordPart(char[] s, int i) {
        char c = s[i];
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || (c == '-' || isApostrophe(c)) && i + 1 < s.length && Character.isLetter(s[i + 1]);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static boolean isCapitalised(char[] body, int start, int end) {
        if (!Character.isUpperCase(body[start])) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (Character.isLowerCase(body[i])) {
                return true;
            }
        }
        return false;
    }
}
