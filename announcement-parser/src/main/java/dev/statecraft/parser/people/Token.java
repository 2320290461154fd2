package dev.statecraft.parser.people;

import dev.statecraft.parser.gazetteer.TextWords;
import java.util.ArrayList;
import java.util.List;

/** A word of the body text at [start, end), without a trailing possessive ('s). */
record Token(int start, int end, String text) {
    static List<Token> tokenize(String body) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            if (!TextWords.isLetter(body.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordPart(body, i)) {
                i++;
            }
            int end = i;
            if (end - start > 2 && (body.charAt(end - 1) == 's' || body.charAt(end - 1) == 'S')
                    && isApostrophe(body.charAt(end - 2))) {
                end -= 2;
            } else if (end - start > 1 && isApostrophe(body.charAt(end - 1))) {
                end -= 1;
            }
            tokens.add(new Token(start, end, body.substring(start, end)));
        }
        return tokens;
    }

    private static boolean isWordPart(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            // ASCII: no combining marks, so a letter, digit or inner hyphen/apostrophe.
            return TextWords.isLetterOrDigit(c) || isInnerPunctuation(s, i);
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || isInnerPunctuation(s, i);
    }

    private static boolean isInnerPunctuation(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || isApostrophe(c)) && i + 1 < s.length() && TextWords.isLetter(s.charAt(i + 1));
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    boolean isCapitalised() {
        if (!Character.isUpperCase(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
