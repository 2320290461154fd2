package dev.statecraft.parser.people;

import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.text.TextViews;
import java.util.Arrays;

/**
 * The words of a text: word i is {@code [start(i), end(i))}, without a trailing possessive ('s). Read from the
 * words of the text's {@link TextViews} in a parse (no pass over the chars of its own), or by a scan of the chars
 * for a piece of text. Parallel arrays instead of an object per word, with whether a word is capitalised decided
 * once (both person passes ask it of every word); a word's text is cut out only when asked for (most words are
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
        Builder words = new Builder(body, body.length / 6 + 4); // about one word per six chars: grown rarely
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
            words.add(start, i);
        }
        return words.build();
    }

    /**
     * As {@link #of(String)}, from the words of the text's views instead of a pass over its chars. A word here
     * starts at the first letter of a letter-and-digit run and goes on past the run's end over inner hyphens and
     * apostrophes (before a letter) and combining marks, taking in the runs after them; so only the chars at the
     * runs' ends, and the runs holding a digit (where the first letter may come late), are read.
     */
    static Tokens of(TextViews views) {
        char[] body = views.chars();
        int[] runStarts = views.textWords().starts();
        int[] runEnds = views.textWords().ends();
        boolean[] runHasDigit = views.textWords().hasDigit();
        int runs = runStarts.length;
        int n = body.length;
        Builder words = new Builder(body, runs + 1); // at most one word starts in a run
        int r = 0;
        while (r < runs) {
            int start = runStarts[r];
            int runEnd = runEnds[r++];
            if (runHasDigit[r - 1]) {
                while (start < runEnd && !TextWords.isLetter(body[start])) {
                    start++;
                }
                if (start == runEnd) {
                    continue; // digits only
                }
            }
            int end = runEnd;
            while (end < n) {
                char c = body[end];
                if (TextWords.isLetterOrDigit(c)) {
                    end = runEnds[r++]; // the run starting here, after a mark or an inner hyphen/apostrophe
                } else if (isInnerPunctuation(body, end) || c >= 0x80 && isNonSpacingMark(c)) {
                    end++;
                } else {
                    break;
                }
            }
            words.add(start, end);
        }
        return words.build();
    }

    /** Collects the words in order: cuts a trailing possessive and decides the capital. */
    private static final class Builder {
        private final char[] body;
        private int[] starts;
        private int[] ends;
        private boolean[] capitalised;
        private int count;

        Builder(char[] body, int capacity) {
            this.body = body;
            starts = new int[capacity];
            ends = new int[capacity];
            capitalised = new boolean[capacity];
        }

        /** The word of {@code body[start, end)}, which starts with a letter, possessive included. */
        void add(int start, int end) {
            if (end - start > 2 && (body[end - 1] == 's' || body[end - 1] == 'S') && isApostrophe(body[end - 2])) {
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
            capitalised[count++] = isCapitalised(body, start, end);
        }

        Tokens build() {
            return new Tokens(body, starts, ends, capitalised, count);
        }
    }

    /** An upper-case first letter and a lower-case letter after it, by the end: usually the second char. */
    private static boolean isCapitalised(char[] body, int start, int end) {
        char first = body[start];
        if (!(first < 0x80 ? first >= 'A' && first <= 'Z' : Character.isUpperCase(first))) {
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

    private static boolean isWordPart(char[] s, int i) {
        char c = s[i];
        if (c < 0x80) {
            // ASCII: no combining marks, so a letter, digit or inner hyphen/apostrophe.
            return TextWords.isLetterOrDigit(c) || isInnerPunctuation(s, i);
        }
        return Character.isLetterOrDigit(c) || isNonSpacingMark(c) || isInnerPunctuation(s, i);
    }

    private static boolean isNonSpacingMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isInnerPunctuation(char[] s, int i) {
        char c = s[i];
        return (c == '-' || isApostrophe(c)) && i + 1 < s.length && TextWords.isLetter(s[i + 1]);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }
}
