package dev.statecraft.parser.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits text into sentences at [.!?] followed by a space and a capital or a quote, minding abbreviations. */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Rt", "Hon",
            "No", "Gen", "Lt", "Col", "Capt", "Sgt", "Jr", "Sr", "U.S", "U.K", "E.U", "U.N", "etc", "e.g", "i.e",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "approx");

    private Sentences() {
    }

    /** Sentence boundaries [start, end) within [from, to) of {@code text}. */
    public static List<int[]> split(String text, int from, int to) {
        List<int[]> sentences = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
                addTrimmed(text, sentences, start, i);
                start = i + 2;
                continue;
            }
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < to && isCloser(text.charAt(end))) {
                end++;
            }
            if (end >= to) {
                break;
            }
            if (text.charAt(end) != ' ' || end + 1 >= to) {
                continue;
            }
            char next = text.charAt(end + 1);
            if (!Character.isUpperCase(next) && !Character.isDigit(next) && !isOpener(next)) {
                continue;
            }
            if (c == '.' && isAbbreviation(text, from, i)) {
                continue;
            }
            addTrimmed(text, sentences, start, end);
            start = end + 1;
        }
        addTrimmed(text, sentences, start, to);
        return sentences;
    }

    private static boolean isAbbreviation(String text, int from, int dot) {
        int s = dot;
        while (s > from && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        String word = text.substring(s, dot);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static void addTrimmed(String text, List<int[]> out, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }

    public static boolean isOpener(char c) {
        return c == '“' || c == '"' || c == '‘' || c == '\'' || c == '(';
    }

    public static boolean isCloser(char c) {
        return c == '”' || c == '"' || c == '’' || c == '\'' || c == ')';
    }
}
