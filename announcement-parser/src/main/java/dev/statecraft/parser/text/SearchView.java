package dev.statecraft.parser.text;

/**
 * A copy of a text for {@code indexOf}/{@code contains} of Latin-1 needles only: every char above U+00FF
 * becomes U+0000. No needle holds either (the body has no control chars, and every needle searched this way is
 * a constant lower-case word or phrase), so a needle occurs at exactly the same offsets as in the text. The copy
 * is a Latin-1 string: one curly quote makes a body UTF-16, and searching UTF-16 for a Latin-1 needle took a
 * slow path (~8 % of a seed parse in JFR).
 */
public final class SearchView {
    private SearchView() {
    }

    public static String of(char[] chars) {
        char[] latin1 = null;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] > 0xFF) {
                if (latin1 == null) {
                    latin1 = chars.clone();
                }
                latin1[i] = '\u0000';
            }
        }
        return new String(latin1 != null ? latin1 : chars);
    }
}
