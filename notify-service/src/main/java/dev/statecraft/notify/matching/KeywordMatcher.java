package dev.statecraft.notify.matching;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keyword filters: any keyword found as a whole phrase, case-insensitively. "Iran" matches "Iran's" and
 * "IRAN" but not "Iranian"; the words of "arms embargo" may be split by any whitespace.
 */
public final class KeywordMatcher {
    private KeywordMatcher() {
    }

    public static boolean anyMatches(List<String> keywords, String text) {
        if (keywords.isEmpty()) {
            return true;
        }
        if (text == null || text.isEmpty()) {
            return false;
        }
        return keywords.stream().anyMatch(k -> pattern(k).matcher(text).find());
    }

    static Pattern pattern(String keyword) {
        String[] words = keyword.trim().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}_])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}_])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
