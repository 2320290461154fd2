package dev.statecraft.parser.people;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import java.util.ArrayList;
import java.util.List;

/**
 * A word of the body text at [start, end), without a trailing possessive ('s). Its text is cut out only when
 * asked for: most words are only ever checked for a capital, and a substring of a UTF-16 text is costly.
 */
final class Token {
    private final char[] body;
    private final int start;
    private final int end;
    private String text;

    Token(char[] body, int start, int end) {
        this.body = body;
        this.start = start;
        this.end = end;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    String text() {
        if (text == null) {
            text = new String(body, start, end - start);
        }
        return text;
    }

    /** {@link Gazetteer#isSurnameParticle} of the text, without cutting out words too long to be one. */
    boolean isSurnameParticle() {
        return Gazetteer.isSurnameParticle(body, start, end);
    }

    static List<Token> tokenize(String body) {
        return tokenize(body.toCharArray());
    }

    /** As {@link #tokenize(String)} on the text's chars (array reads are cheaper than charAt on UTF-16). */
    static List<Token> tokenize(char[] body) {
        List<Token> tokens = new ArrayList<>(body.length / 6 + 4); // about one word per six chars: grown rarely
        int i = 0;
        int n = body.length;
        while (i < n) {
            if (!TextWords.isLetter(body[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordPart(body, i)) {
                i++;
            }
            int end = i;
            if (end - start > 2 && (body[end - 1] == 's' || body[end - 1] == 'S')
                    && isApostrophe(body[end - 2])) {
                end -= 2;
            } else if (end - start > 1 && isApostrophe(body[end - 1])) {
                end -= 1;
            }
            tokens.add(new Token(body, start, end));
        }
        return tokens;
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

    boolean isCapitalised() {
        char first = body[start];
        if (first < 0x80 ? first < 'A' || first > 'Z' : !Character.isUpperCase(first)) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            char c = body[i];
            if (c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c)) {
                return true;
            }
        }
        return false;
    }
}
