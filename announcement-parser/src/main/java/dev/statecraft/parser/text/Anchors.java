package dev.statecraft.parser.text;

import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a text a date, an amount or a quantity can start: before certain words, at digits, at currency
 * signs. One cheap pass finds these anchors; each extraction pattern is then tried with {@code lookingAt}
 * only there instead of at every character, which keeps the many small patterns fast on long texts.
 */
public final class Anchors {
    /** Stands for any number among the start words of a pattern. */
    public static final String DIGIT = "0";
    /** Longest stretch a pattern may match from its anchor. */
    private static final int WINDOW = 160;
    private static final int MAX_WORD = 12;

    private final int[] offsets;
    /**
     * A small number per distinct anchor word ({@link #wordById}), so that a pattern's start words are looked
     * up once per distinct word rather than once per anchor.
     */
    private final int[] ids;
    /** The lower-case word of each id: {@link #DIGIT} for a number, or the symbol itself. */
    private final String[] wordById;
    /** The ids whose word occurs in the text, in order of first occurrence. */
    private final int[] presentIds;

    /**
     * One matcher per pattern for this text, reused by every {@link #matchAt} of the pattern ({@code region}
     * resets it): a new matcher per call cost more than many of the tries. Anchors belong to one parse, so
     * this is never shared between threads.
     */
    private Pattern[] matcherPatterns = new Pattern[8];
    private Matcher[] matchers = new Matcher[8];
    private int matcherCount;
    private String matchersText;

    /** {@link #membership} of each set asked for, by identity (a dozen or so sets per parse). */
    private Set<?>[] membershipSets = new Set<?>[16];
    private boolean[][] memberships = new boolean[16][];
    private int membershipCount;

    /** The text case-folded, for quick "does it occur at all" checks before a pattern is tried. */
    private final String folded;
    private final Vocabulary vocabulary;
    private final String symbols;

    private Anchors(int[] offsets, int[] ids, String[] wordById, int[] presentIds, String folded,
            Vocabulary vocabulary, String symbols) {
        this.offsets = offsets;
        this.ids = ids;
        this.wordById = wordById;
        this.presentIds = presentIds;
        this.folded = folded;
        this.vocabulary = vocabulary;
        this.symbols = symbols;
    }

    /** Whether the lower-case {@code literal} occurs anywhere in the text (ignoring case). */
    public boolean mayContain(String literal) {
        return folded.contains(literal);
    }

    /** The words that are anchors, in one trie, so that finding them allocates nothing per word. */
    public static final class Vocabulary {
        private final List<String> words;
        private final WordTrie trie;
        /** Index of each word in {@link #words}: its anchor id. */
        private final Map<String, Integer> idByWord = new HashMap<>();

        /**
         * Per ASCII first char, bit L set when a word of length L begins with it: most words of a text are
         * ruled out by one table read instead of a trie walk (JFR put ~7 % of a seed parse in those walks).
         */
        private final long[] lengthsByFirstChar = new long[128];

        /**
         * The {@link #membership} of each of {@link #knownSets} for texts searched with {@link #knownSymbols}: it
         * depends on no text, so it is computed once here instead of in every parse (JFR put ~2 % of a seed
         * parse at 1x in building these per parse). Read-only once built, so shared by every thread.
         */
        private final String knownSymbols;
        private final Set<?>[] knownSets;
        private final boolean[][] knownMemberships;

        public Vocabulary(Set<String> lowerCaseWords) {
            this(lowerCaseWords, "", List.of());
        }

        /**
         * As {@link #Vocabulary(Set)}, with the membership of each of {@code startSets} (the start, lead and next
         * word sets the extractors pass to {@link #matchAt}) worked out for {@link #find} with {@code symbols}.
         */
        public Vocabulary(Set<String> lowerCaseWords, String symbols, List<Set<String>> startSets) {
            this.words = List.copyOf(lowerCaseWords);
            this.trie = new WordTrie(words);
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                idByWord.put(word, i);
                if (!word.isEmpty() && word.charAt(0) < 128 && word.length() < 64) {
                    lengthsByFirstChar[word.charAt(0)] |= 1L << word.length();
                }
            }
            this.knownSymbols = symbols;
            this.knownSets = startSets.toArray(new Set<?>[0]);
            this.knownMemberships = new boolean[knownSets.length][];
            for (int i = 0; i < knownSets.length; i++) {
                boolean[] member = new boolean[words.size() + 1 + symbols.length()];
                for (String word : startSets.get(i)) {
                    int id = idOf(word, symbols);
                    if (id >= 0) {
                        member[id] = true;
                    }
                }
                knownMemberships[i] = member;
            }
        }

        /** The membership of {@code set} computed at construction for {@code symbols}, or null. */
        private boolean[] knownMembership(Set<String> set, String symbols) {
            if (!knownSymbols.equals(symbols)) {
                return null;
            }
            for (int i = 0; i < knownSets.length; i++) {
                if (knownSets[i] == set) {
                    return knownMemberships[i];
                }
            }
            return null;
        }

        /** The id {@link #find} with {@code symbols} gives {@code word}, or -1 if it is no anchor word. */
        private int idOf(String word, String symbols) {
            Integer id = idByWord.get(word);
            if (id != null) {
                return id;
            }
            if (DIGIT.equals(word)) {
                return words.size();
            }
            int symbol = word.length() == 1 ? symbols.indexOf(word.charAt(0)) : -1;
            return symbol >= 0 ? words.size() + 1 + symbol : -1;
        }

        /** The index of the word that is exactly {@code folded[start, end)}, or -1. */
        int indexOf(char[] folded, int start, int end) {
            char first = folded[start];
            if (first < 128 && (lengthsByFirstChar[first] & 1L << (end - start)) == 0) {
                return -1;
            }
            return trie.exact(folded, start, end);
        }
    }

    /**
     * Anchors of a text, from its {@link TextViews}: words in {@code vocabulary}, digit runs, and {@code symbols}.
     * A word anchor is a run of letters after no letter or digit, so the views' words give them without a pass
     * over the chars: a word without a digit is one letter run; only a word with a digit ("G7", "2025") and the
     * gaps between words (for the symbols) are read char by char.
     */
    public static Anchors find(TextViews views, Vocabulary vocabulary, String symbols) {
        if (symbols.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a space cannot be an anchor symbol");
        }
        char[] text = views.chars();
        char[] folded = views.folded();
        int[] wordStarts = views.textWords().starts();
        int[] wordEnds = views.textWords().ends();
        boolean[] wordHasDigit = views.textWords().hasDigit();
        Found found = new Found(vocabulary, symbols, wordStarts.length);
        int gapStart = 0;
        for (int w = 0; w < wordStarts.length; w++) {
            int start = wordStarts[w];
            int end = wordEnds[w];
            found.symbolsIn(text, gapStart, start);
            if (!wordHasDigit[w]) {
                found.letters(folded, start, end);
            } else {
                found.lettersAndDigits(text, folded, start, end);
            }
            gapStart = end;
        }
        found.symbolsIn(text, gapStart, text.length);
        return new Anchors(Arrays.copyOf(found.offsets, found.n), Arrays.copyOf(found.ids, found.n),
                found.wordById, Arrays.copyOf(found.presentIds, found.present), views.foldedSearch(), vocabulary,
                symbols);
    }

    /** The anchors as {@link #find} collects them, in text order. */
    private static final class Found {
        private final Vocabulary vocabulary;
        private final char[] symbols;
        /**
         * The ASCII symbols as bits (chars 0-63 in the first word, 64-127 in the second): nearly every char that
         * is no letter or digit is ASCII punctuation or a space, ruled out by one bit test instead of a search.
         */
        private final long[] asciiSymbols = new long[2];
        /** Ids: vocabulary words by their index, then numbers, then each symbol. */
        private final String[] wordById;
        private final int[] presentIds;
        private int present;
        private int[] offsets;
        private int[] ids;
        private int n;

        Found(Vocabulary vocabulary, String symbols, int words) {
            this.vocabulary = vocabulary;
            this.symbols = symbols.toCharArray();
            for (char s : this.symbols) {
                if (s < 128) {
                    asciiSymbols[s >>> 6] |= 1L << s;
                }
            }
            wordById = new String[vocabulary.words.size() + 1 + symbols.length()];
            presentIds = new int[wordById.length];
            int capacity = Math.max(16, words / 4);
            offsets = new int[capacity];
            ids = new int[capacity];
        }

        /** A word of letters only: an anchor when it is a vocabulary word. */
        void letters(char[] folded, int start, int end) {
            if (end - start <= MAX_WORD) {
                int index = vocabulary.indexOf(folded, start, end);
                if (index >= 0) {
                    add(start, index, vocabulary.words.get(index));
                }
            }
        }

        /**
         * A word holding a digit: its leading letters as in {@link #letters}, and each run of digits. Letters after
         * a digit follow a letter or digit, so they start no anchor word.
         */
        void lettersAndDigits(char[] text, char[] folded, int start, int end) {
            int i = start;
            while (i < end) {
                if (TextWords.isLetter(text[i])) {
                    int letters = i;
                    while (i < end && TextWords.isLetter(text[i])) {
                        i++;
                    }
                    if (letters == start) {
                        letters(folded, start, i);
                    }
                } else {
                    // Letters and digits only: a digit.
                    if (i == start || !TextWords.isDigit(text[i - 1])) {
                        add(i, vocabulary.words.size(), DIGIT);
                    }
                    i++;
                }
            }
        }

        /** The symbols of {@code text[from, to)}, a stretch without letters or digits. */
        void symbolsIn(char[] text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text[i];
                if ((c < 128 ? (asciiSymbols[c >>> 6] & 1L << c) != 0 : c != ' ')) {
                    int symbol = symbolIndex(symbols, c);
                    if (symbol >= 0) {
                        add(i, vocabulary.words.size() + 1 + symbol, String.valueOf(c));
                    }
                }
            }
        }

        private void add(int offset, int id, String word) {
            if (n == offsets.length) {
                offsets = Arrays.copyOf(offsets, n * 2);
                ids = Arrays.copyOf(ids, n * 2);
            }
            if (wordById[id] == null) {
                wordById[id] = word;
                presentIds[present++] = id;
            }
            offsets[n] = offset;
            ids[n++] = id;
        }
    }

    /** The anchor offsets in text order, for tests. */
    int[] offsets() {
        return offsets.clone();
    }

    /** The word of each anchor ({@link #DIGIT} for a number, the symbol itself), for tests. */
    String[] words() {
        String[] words = new String[ids.length];
        for (int k = 0; k < ids.length; k++) {
            words[k] = wordById[ids[k]];
        }
        return words;
    }

    /** {@code String.indexOf} of a char in a handful of symbols, without a UTF-16 string search per char. */
    private static int symbolIndex(char[] symbols, char c) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Tries {@code pattern} at each anchor whose word is in {@code startWords} (all anchors when null), in order
     * and never overlapping its own previous match, and hands each match to {@code onMatch}. Lookbehinds and
     * word boundaries still see the text around the anchor.
     */
    public void matchAt(Pattern pattern, String text, Set<String> startWords, Consumer<MatchResult> onMatch) {
        matchAt(pattern, text, startWords, null, onMatch);
    }

    /**
     * Whether each anchor word (by id) is in {@code set}, as read at the ids of this text's anchors (an id of a word
     * absent from the text is never read): the vocabulary's own when it knows the set, else worked out here, looking
     * up the few words of the set rather than every anchor word of the text in the set.
     */
    boolean[] membership(Set<String> set) {
        // Several patterns share a set (a number starts six of them): each set is looked up once per parse.
        for (int i = 0; i < membershipCount; i++) {
            if (membershipSets[i] == set) {
                return memberships[i];
            }
        }
        boolean[] member = vocabulary.knownMembership(set, symbols);
        if (member == null) {
            member = newMembership(set);
        }
        if (membershipCount == memberships.length) {
            membershipSets = Arrays.copyOf(membershipSets, membershipCount * 2);
            memberships = Arrays.copyOf(memberships, membershipCount * 2);
        }
        membershipSets[membershipCount] = set;
        memberships[membershipCount++] = member;
        return member;
    }

    private boolean[] newMembership(Set<String> set) {
        boolean[] member = new boolean[wordById.length];
        if (presentIds.length < set.size()) {
            // Fewer distinct anchor words in the text than in the set (a short text): test those instead.
            for (int id : presentIds) {
                String word = wordById[id];
                // A vocabulary word's id is its index, so only numbers and symbols need idOf's check.
                member[id] = set.contains(word) && (id < vocabulary.words.size() || idOf(word) == id);
            }
            return member;
        }
        for (String word : set) {
            int id = idOf(word);
            if (id >= 0 && wordById[id] != null) {
                member[id] = true;
            }
        }
        return member;
    }

    /** The id {@link #find} gives {@code word}, or -1 if it is no anchor word. */
    private int idOf(String word) {
        return vocabulary.idOf(word, symbols);
    }

    /**
     * As {@link #matchAt(Pattern, String, Set, Consumer)}, trying the pattern only where one of the next two
     * anchors is in {@code nextWords}: for patterns of up to two lead words and then such a word ("in early
     * March", "end of 2017"), this skips the many anchors ("in", "of") that lead nowhere.
     */
    public void matchAt(Pattern pattern, String text, Set<String> startWords, Set<String> nextWords,
            Consumer<MatchResult> onMatch) {
        matchAt(pattern, text, startWords, null, nextWords, onMatch);
    }

    /**
     * As {@link #matchAt(Pattern, String, Set, Set, Consumer)}, with the {@code nextWords} test applied only at
     * anchors whose word is in {@code leadWords} (all anchors when null): "this"/"last" can start "last Friday"
     * only before a weekday, while a weekday starts a match on its own.
     */
    public void matchAt(Pattern pattern, String text, Set<String> startWords, Set<String> leadWords,
            Set<String> nextWords, Consumer<MatchResult> onMatch) {
        matchAt(pattern, text, startWords, leadWords, nextWords, null, onMatch);
    }

    /**
     * A few char comparisons at an anchor that every match of a pattern starting there passes ("18-20 June" has a
     * dash right after the day): where it fails, the pattern is not tried (a regex try costs far more).
     */
    @FunctionalInterface
    public interface StartTest {
        boolean mayMatchAt(String text, int at);
    }

    /**
     * As {@link #matchAt(Pattern, String, Set, Set, Set, Consumer)}, trying the pattern only at anchors that pass
     * {@code startTest} (all when null); no matcher is made unless one does.
     */
    public void matchAt(Pattern pattern, String text, Set<String> startWords, Set<String> leadWords,
            Set<String> nextWords, StartTest startTest, Consumer<MatchResult> onMatch) {
        matchAt(pattern, null, text, startWords, leadWords, nextWords, startTest, onMatch);
    }

    /**
     * A hand-written matcher of a pattern: what {@code lookingAt} of the pattern in the region [at, at + window) with
     * transparent bounds finds (groups included), or null for no match, or {@link #UNSURE} where it cannot tell
     * (an uncommon char next to a word boundary: the pattern decides there). A few char comparisons instead of a
     * matcher and a regex try.
     */
    @FunctionalInterface
    public interface Scanner {
        MatchResult matchAt(String text, int at, int regionEnd);
    }

    /** A {@link Scanner}'s answer for "try the pattern". */
    public static final MatchResult UNSURE = new Scanned(null, new int[] {-1, -1});

    /**
     * As {@link #matchAt(Pattern, String, Set, Set, Set, StartTest, Consumer)}, asking {@code scanner} (when not null)
     * at each anchor instead of the pattern, which is tried only where the scanner is {@link #UNSURE}.
     */
    public void matchAt(Pattern pattern, Scanner scanner, String text, Set<String> startWords, Set<String> leadWords,
            Set<String> nextWords, StartTest startTest, Consumer<MatchResult> onMatch) {
        Matcher m = null;
        int after = 0;
        boolean[] starts = startWords == null ? null : membership(startWords);
        boolean[] leads = leadWords == null ? null : membership(leadWords);
        boolean[] next = nextWords == null ? null : membership(nextWords);
        for (int k = 0; k < offsets.length; k++) {
            int anchor = offsets[k];
            if (anchor < after || (starts != null && !starts[ids[k]])) {
                continue;
            }
            if (next != null && (leads == null || leads[ids[k]])
                    && !(k + 1 < ids.length && next[ids[k + 1]] || k + 2 < ids.length && next[ids[k + 2]])) {
                continue;
            }
            if (startTest != null && !startTest.mayMatchAt(text, anchor)) {
                continue;
            }
            int regionEnd = Math.min(text.length(), anchor + WINDOW);
            if (scanner != null) {
                MatchResult scanned = scanner.matchAt(text, anchor, regionEnd);
                if (scanned != UNSURE) {
                    if (scanned != null) {
                        after = scanned.end();
                        onMatch.accept(scanned);
                    }
                    continue;
                }
            }
            if (m == null) {
                m = matcherFor(pattern, text);
            }
            m.region(anchor, regionEnd);
            if (m.lookingAt()) {
                after = m.end();
                onMatch.accept(m);
            }
        }
    }

    /**
     * The matcher of {@code pattern} for this text. A parse uses a dozen or so patterns: a linear identity scan
     * of two small arrays is cheaper than an {@code IdentityHashMap} (JFR put ~3 % of a seed parse in its get).
     */
    private Matcher matcherFor(Pattern pattern, String text) {
        if (text != matchersText) {
            Arrays.fill(matcherPatterns, 0, matcherCount, null);
            Arrays.fill(matchers, 0, matcherCount, null);
            matcherCount = 0;
            matchersText = text;
        }
        for (int i = 0; i < matcherCount; i++) {
            if (matcherPatterns[i] == pattern) {
                return matchers[i];
            }
        }
        if (matcherCount == matchers.length) {
            matcherPatterns = Arrays.copyOf(matcherPatterns, matcherCount * 2);
            matchers = Arrays.copyOf(matchers, matcherCount * 2);
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        matcherPatterns[matcherCount] = pattern;
        matchers[matcherCount++] = m;
        return m;
    }

    /** A match found by a {@link Scanner}: group {@code g} is {@code text[bounds[2g], bounds[2g + 1])}, -1 for none. */
    public record Scanned(String text, int[] bounds) implements MatchResult {
        @Override
        public int start() {
            return bounds[0];
        }

        @Override
        public int start(int group) {
            return bounds[2 * group];
        }

        @Override
        public int end() {
            return bounds[1];
        }

        @Override
        public int end(int group) {
            return bounds[2 * group + 1];
        }

        @Override
        public String group() {
            return group(0);
        }

        @Override
        public String group(int group) {
            return bounds[2 * group] < 0 ? null : text.substring(bounds[2 * group], bounds[2 * group + 1]);
        }

        @Override
        public int groupCount() {
            return bounds.length / 2 - 1;
        }
    }
}
