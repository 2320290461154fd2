package dev.statecraft.parser.text;

/**
 * What {@code java.util.regex} decides at one char, for the hand-written {@link Anchors.Scanner}s that must match
 * exactly where their pattern would: the word boundary, {@code \d} and {@code \s} (ASCII, the patterns' flags).
 */
public final class RegexChars {
    public static final int NO = 0;
    public static final int YES = 1;
    /** The regex reads more than this char here (a surrogate or a combining mark): the pattern must decide. */
    public static final int UNKNOWN = 2;

    private RegexChars() {
    }

    /**
     * Whether a regex {@code \b} stands at {@code i} (bounds transparent): {@link #UNKNOWN} when a char beside it is a
     * surrogate or a combining mark (see {@link #wordChar}).
     */
    public static int boundaryAt(String text, int i) {
        int left = i == 0 ? NO : wordChar(text.charAt(i - 1));
        int right = i == text.length() ? NO : wordChar(text.charAt(i));
        if (left == UNKNOWN || right == UNKNOWN) {
            return UNKNOWN;
        }
        return left != right ? YES : NO;
    }

    /**
     * Whether the regex's boundary counts {@code c} as a word char ({@code _} or a letter or digit): {@link #UNKNOWN}
     * for a surrogate or a combining mark, where it reads the code point or looks for a base char.
     */
    private static int wordChar(char c) {
        if (c < 128) {
            return isAsciiWordChar(c) ? YES : NO;
        }
        if (Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return UNKNOWN;
        }
        return Character.isLetterOrDigit(c) ? YES : NO;
    }

    /** Regex {@code \w} without UNICODE_CHARACTER_CLASS. */
    public static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Regex {@code \d}. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Regex {@code \s}. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Past regex {@code \s*} from {@code i}, within the region's end {@code to}. */
    public static int skipSpaces(String text, int i, int to) {
        while (i < to && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The case-insensitive match (ASCII only, the patterns' flags) of the lower-case {@code word} at {@code at}. */
    public static boolean startsWithIgnoringAsciiCase(String text, int at, String lowerCaseWord) {
        if (at < 0 || at + lowerCaseWord.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerCaseWord.length(); k++) {
            char c = text.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerCaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
