package dev.statecraft.parser.dates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A cheap "what is this date about": the few words before it in the same clause, trimmed of glue words. */
final class AboutPhrase {
    private static final int WINDOW = 120;
    private static final int MAX_WORDS = 6;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> GLUE = Set.of("a", "an", "the", "and", "or", "but", "of", "on", "in", "at",
            "by", "for", "from", "to", "since", "until", "till", "during", "before", "after", "ahead", "as", "with",
            "will", "would", "is", "are", "was", "were", "be", "been", "have", "has", "had", "which", "who", "that",
            "this", "its", "their", "our", "we", "it", "they", "throughout", "out", "also", "both", "than", "more",
            "over", "around", "about", "early", "late", "mid", "when", "where", "earlier", "later", "then");

    private AboutPhrase() {
    }

    static String before(String text, int dateStart) {
        int from = Math.max(0, dateStart - WINDOW);
        int clauseStart = from;
        for (int i = dateStart - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (",;:.!?()“”\"\n".indexOf(c) >= 0 || c == '–') {
                clauseStart = i + 1;
                break;
            }
        }
        String[] raw = SPACES.split(text.substring(clauseStart, dateStart).trim());
        List<String> words = new ArrayList<>(Arrays.asList(raw));
        words.removeIf(String::isBlank);
        while (!words.isEmpty() && GLUE.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        if (words.size() > MAX_WORDS) {
            words = new ArrayList<>(words.subList(words.size() - MAX_WORDS, words.size()));
        }
        while (!words.isEmpty() && GLUE.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
