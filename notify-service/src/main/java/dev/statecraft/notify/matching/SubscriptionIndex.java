package dev.statecraft.notify.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An immutable inverted index of live subscriptions for candidate selection: a bit set of subscriptions per
 * country and per kind, plus the subscriptions without a country (kind) filter, which match any. Candidates for
 * an announcement are (any-country ∪ ⋃ by-country[c]) ∩ (any-kind ∪ by-kind[k]); their keyword filters are then
 * checked as whole phrases, each distinct phrase at most once per announcement. The text is split once into
 * tokens (maximal runs of letters, numbers and '_', case-folded); a phrase of plain ASCII words matches when its
 * words are consecutive tokens separated by whitespace only — what {@link KeywordMatcher}'s pattern means; any
 * other phrase (punctuation inside a word, non-ASCII letters) must have all its tokens in the text and is then
 * confirmed by that pattern.
 */
public final class SubscriptionIndex {
    /** What the index knows of one subscription. Countries and kinds empty = any. */
    public record Entry(UUID id, List<String> countries, List<String> kinds, List<String> keywords) {
    }

    private final UUID[] ids;
    /** Per subscription, the numbers of its distinct phrases (index into {@link #distinctPhrases}). */
    private final int[][] phrases;
    private final Phrase[] distinctPhrases;
    private final Map<String, BitSet> byCountry = new HashMap<>();
    private final Map<String, BitSet> byKind = new HashMap<>();
    private final BitSet anyCountry = new BitSet();
    private final BitSet anyKind = new BitSet();

    /** A keyword: its folded words (for the pre-check) and its pattern; shared by every entry using it. */
    private record Phrase(int number, String[] tokens, boolean plain, Pattern pattern) {
    }

    private SubscriptionIndex(Collection<Entry> all) {
        Entry[] entries = all.toArray(Entry[]::new);
        ids = new UUID[entries.length];
        phrases = new int[entries.length][];
        Map<String, Phrase> distinct = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            Entry e = entries[i];
            ids[i] = e.id();
            index(i, e.countries(), byCountry, anyCountry);
            index(i, e.kinds(), byKind, anyKind);
            int[] p = new int[e.keywords().size()];
            for (int j = 0; j < p.length; j++) {
                String keyword = e.keywords().get(j).trim();
                String key = fold(keyword);
                p[j] = distinct.computeIfAbsent(key, k -> new Phrase(distinct.size(), tokens(k).toArray(String[]::new),
                        plain(keyword), KeywordMatcher.pattern(keyword))).number();
            }
            phrases[i] = p;
        }
        distinctPhrases = new Phrase[distinct.size()];
        distinct.values().forEach(p -> distinctPhrases[p.number()] = p);
    }

    /** ASCII letters and digits, words separated by whitespace: decided by tokens alone. */
    private static boolean plain(String keyword) {
        for (String word : keyword.trim().split("\\s+")) {
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isTokenChar(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Maximal runs of token characters of an already folded string. */
    static List<String> tokens(String folded) {
        return new Text(folded).tokens;
    }

    /** A folded text split into tokens, with whether each token follows the previous one after whitespace only. */
    private static final class Text {
        final List<String> tokens = new ArrayList<>();
        final List<Boolean> whitespaceBefore = new ArrayList<>();
        final Map<String, List<Integer>> positions = new HashMap<>();

        Text(String folded) {
            int i = 0;
            int n = folded.length();
            boolean onlyWhitespace = true;
            while (i < n) {
                int cp = folded.codePointAt(i);
                if (isTokenChar(cp)) {
                    int start = i;
                    while (i < n && isTokenChar(folded.codePointAt(i))) {
                        i += Character.charCount(folded.codePointAt(i));
                    }
                    String token = folded.substring(start, i);
                    positions.computeIfAbsent(token, k -> new ArrayList<>()).add(tokens.size());
                    tokens.add(token);
                    whitespaceBefore.add(onlyWhitespace);
                    onlyWhitespace = true;
                } else {
                    // exactly the characters of the pattern's \s (no UNICODE_CHARACTER_CLASS)
                    if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r')) {
                        onlyWhitespace = false;
                    }
                    i += Character.charCount(cp);
                }
            }
        }
    }

    public static SubscriptionIndex of(Collection<Entry> entries) {
        return new SubscriptionIndex(entries);
    }

    public int size() {
        return ids.length;
    }

    private static void index(int i, List<String> values, Map<String, BitSet> by, BitSet any) {
        if (values.isEmpty()) {
            any.set(i);
        }
        for (String v : values) {
            by.computeIfAbsent(v, k -> new BitSet()).set(i);
        }
    }

    /** The subscriptions whose filters all match: countries (any of), kind, keywords in {@code text}. */
    public List<UUID> match(Collection<String> countries, String kind, String text) {
        BitSet candidates = (BitSet) anyCountry.clone();
        for (String c : countries) {
            BitSet b = byCountry.get(c);
            if (b != null) {
                candidates.or(b);
            }
        }
        BitSet kinds = (BitSet) anyKind.clone();
        BitSet k = byKind.get(kind);
        if (k != null) {
            kinds.or(k);
        }
        candidates.and(kinds);
        List<UUID> matched = new ArrayList<>();
        Text tokens = null;
        byte[] seen = null; // per distinct phrase: 0 = not checked yet, 1 = matches, 2 = does not
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            int[] p = phrases[i];
            if (p.length == 0) {
                matched.add(ids[i]);
                continue;
            }
            if (tokens == null) {
                tokens = new Text(text == null ? "" : fold(text));
                seen = new byte[distinctPhrases.length];
            }
            for (int number : p) {
                if (seen[number] == 0) {
                    seen[number] = phraseMatches(distinctPhrases[number], tokens, text) ? (byte) 1 : (byte) 2;
                }
                if (seen[number] == 1) {
                    matched.add(ids[i]);
                    break;
                }
            }
        }
        return matched;
    }

    private static boolean phraseMatches(Phrase phrase, Text text, String original) {
        String[] words = phrase.tokens();
        if (words.length == 0) {
            return original != null && phrase.pattern().matcher(original).find();
        }
        if (!phrase.plain()) {
            for (String word : words) {
                if (!text.positions.containsKey(word)) {
                    return false;
                }
            }
            return original != null && phrase.pattern().matcher(original).find();
        }
        List<Integer> starts = text.positions.get(words[0]);
        if (starts == null) {
            return false;
        }
        next:
        for (int start : starts) {
            if (start + words.length > text.tokens.size()) {
                continue;
            }
            for (int j = 1; j < words.length; j++) {
                if (!text.whitespaceBefore.get(start + j) || !text.tokens.get(start + j).equals(words[j])) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Simple case folding, char by char (same length as the input): a text in which the case-insensitive
     * pattern finds a word also contains that word's folding.
     */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }
}
