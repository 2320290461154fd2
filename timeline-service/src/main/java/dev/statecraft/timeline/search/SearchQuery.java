package dev.statecraft.timeline.search;

/**
 * The {@code q} parameter as a tsquery in text form, in the web-search syntax PostgreSQL's
 * {@code websearch_to_tsquery} reads: words are ANDed, {@code "a phrase"} must match word after word, {@code or}
 * between two terms makes either enough, a leading {@code -} excludes a term. The terms are joined by
 * {@code &} and {@code |} without parentheses, exactly as there, so tsquery's precedence ({@code &} before
 * {@code |}) reads {@code a b or c} as {@code (a & b) | c}, as before. Every word goes through
 * {@link EnglishAnalyzer}, the analyzer of the stored vector, so query and index agree by construction. As
 * there, a stop word inside a phrase keeps its gap ({@code "bank of england"} is {@code 'bank' <2> 'england'}), a
 * term of stop words only drops out, and a word the analyzer splits ({@code co-operation}) is a phrase of its
 * parts. Cast with {@code cast(? as tsquery)}; an empty result matches nothing.
 */
public final class SearchQuery {
    private SearchQuery() {
    }

    public static String parse(String q) {
        StringBuilder out = new StringBuilder();
        boolean orPending = false;
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negated = true;
                c = q.charAt(++i);
            }
            String text;
            boolean quoted = c == '"';
            if (quoted) {
                int close = q.indexOf('"', i + 1);
                int endOfPhrase = close < 0 ? n : close;
                text = q.substring(i + 1, endOfPhrase);
                i = close < 0 ? n : close + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '"') {
                    i++;
                }
                text = q.substring(start, i);
            }
            if (!quoted && !negated && text.equalsIgnoreCase("or")) {
                orPending = !out.isEmpty();
                continue;
            }
            String term = phrase(text);
            if (term == null) {
                continue; // stop words or punctuation only
            }
            out.append(out.isEmpty() ? "" : orPending ? " | " : " & ").append(negated ? "!" : "").append(term);
            orPending = false;
        }
        return out.toString();
    }

    /** The lexemes of {@code text} in order, each at its distance from the previous one; null if none. */
    private static String phrase(String text) {
        StringBuilder out = new StringBuilder();
        int[] previous = {0};
        int[] count = {0};
        EnglishAnalyzer.analyse(text, (position, lexeme) -> {
            if (lexeme == null) {
                return;
            }
            if (count[0]++ > 0) {
                int distance = position - previous[0];
                out.append(distance == 1 ? " <-> " : " <" + distance + "> ");
            }
            SearchVector.quote(out, lexeme);
            previous[0] = position;
        });
        if (count[0] == 0) {
            return null;
        }
        return count[0] == 1 ? out.toString() : "( " + out + " )";
    }
}
