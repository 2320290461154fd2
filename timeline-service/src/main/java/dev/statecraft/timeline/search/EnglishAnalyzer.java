package dev.statecraft.timeline.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The one text analyzer of full-text search, used for the stored search vector and for the query, so the two
 * agree by construction: words are maximal runs of letters and digits (everything else separates, as
 * PostgreSQL's parser treats apostrophes and hyphens), lower-cased; a word on PostgreSQL's English stop-word
 * list still takes its position but gives no lexeme; a word with a letter is reduced by the Snowball English
 * (porter2) stemmer, the algorithm of PostgreSQL's {@code english_stem}; a number stays as it is. So a plain
 * word gets the same lexeme as {@code to_tsvector('english', …)} gives it, which {@code ts_headline('english', …)}
 * relies on to mark matches.
 */
public final class EnglishAnalyzer {
    /** PostgreSQL's {@code tsearch_data/english.stop}, copied unchanged. */
    private static final Set<String> STOP_WORDS = stopWords();
    /** PostgreSQL skips words this long (and longer) in a tsvector. */
    private static final int MAX_WORD_BYTES = 2047;
    /**
     * Words repeat (Zipf), and the search vector was half of a rebuild's Java CPU per record (JFR of the 1M run):
     * each thread remembers the lexeme of each word as it appears in the text, found without cutting the word out
     * of the text (a hash computed while scanning, compared in place), forgetting all at a bound so memory stays
     * small. Only words far below the length limit are remembered, so the limit is always checked on the exact
     * lower-cased word.
     */
    private static final int WORDS_REMEMBERED = 50_000;
    private static final int LONGEST_REMEMBERED = 100;
    private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);
    /** ASCII letters and digits (the common case), so most characters skip the Unicode tables. */
    private static final byte ASCII_DIGIT = 1;
    private static final byte ASCII_LETTER = 2;
    private static final byte[] ASCII = asciiClasses();

    /** Receives each word in order: its position (1-based, stop words count) and its lexeme, null for a stop word. */
    @FunctionalInterface
    public interface Words {
        void word(int position, String lexeme);
    }

    /** {@link Words} with the thread's one {@link Lexeme} per lexeme (the same instance for every occurrence). */
    @FunctionalInterface
    interface Lexemes {
        void word(int position, Lexeme lexeme);
    }

    /**
     * A lexeme with its UTF-8 bytes, made once per thread and lexeme while the thread remembers it, so a search
     * vector neither hashes nor encodes its lexemes again. {@code vector} and {@code slot} are the bookkeeping
     * of the vector being built on the owning thread (only that thread writes them).
     */
    static final class Lexeme {
        final String text;
        final byte[] utf8;
        int vector;
        int slot;

        Lexeme(String text) {
            this.text = text;
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private EnglishAnalyzer() {
    }

    /** Analyses {@code text} (null is empty); returns the last position used (0 when there was no word). */
    public static int analyse(String text, Words words) {
        return analyse(text, true, (position, lexeme) -> words.word(position, lexeme == null ? null : lexeme.text));
    }

    /**
     * {@link #analyse(String, Words)} with the thread's lexeme instances. The thread forgets what it remembers
     * only when {@code mayForget} (at the start of a vector, never between its title and body, so one lexeme is
     * one instance throughout a vector).
     */
    static int analyse(String text, boolean mayForget, Lexemes words) {
        if (text == null) {
            return 0;
        }
        Memo memo = MEMO.get();
        if (mayForget && memo.size >= WORDS_REMEMBERED) {
            memo.clear();
        }
        int position = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128 ? ASCII[ch] == 0 : !isLetterOrDigit(text.codePointAt(i))) {
                i += ch < 128 ? 1 : Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            boolean letter = false;
            int hash = 0; // String.hashCode of the word as written
            while (i < n) {
                ch = text.charAt(i);
                if (ch < 128) {
                    byte kind = ASCII[ch];
                    if (kind == 0) {
                        break;
                    }
                    letter |= kind == ASCII_LETTER;
                    hash = 31 * hash + ch;
                    i++;
                } else {
                    int c = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(c)) {
                        break;
                    }
                    letter |= Character.isLetter(c);
                    hash = 31 * hash + ch;
                    if (Character.charCount(c) == 2) {
                        hash = 31 * hash + text.charAt(i + 1);
                    }
                    i += Character.charCount(c);
                }
            }
            int length = i - start;
            Lexeme known = length <= LONGEST_REMEMBERED ? memo.find(text, start, length, hash) : null;
            if (known != null) {
                position++;
                words.word(position, known == Memo.STOP ? null : known);
                continue;
            }
            String raw = text.substring(start, i);
            String word = raw.toLowerCase(Locale.ROOT);
            if (word.length() * 3 >= MAX_WORD_BYTES && word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES) {
                continue;
            }
            position++;
            Lexeme lexeme = STOP_WORDS.contains(word) ? null : memo.lexeme(letter ? stem(word) : word);
            if (length <= LONGEST_REMEMBERED && memo.size < WORDS_REMEMBERED) {
                memo.put(raw, hash, lexeme == null ? Memo.STOP : lexeme);
            }
            words.word(position, lexeme);
        }
        return position;
    }

    private static boolean isLetterOrDigit(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    static String stem(String word) {
        EnglishStemmer stemmer = MEMO.get().stemmer;
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /**
     * One thread's remembered words: an open-addressing table from the word as written to its lexeme (or
     * {@link #STOP}), and the thread's lexeme instances by text, so words of one stem share one instance.
     */
    private static final class Memo {
        /** A remembered stop word (compared by identity). */
        static final Lexeme STOP = new Lexeme("");
        /** Starts small (a request thread parses a few queries) and doubles up to a load of at most 0.4. */
        private static final int FIRST_CAPACITY = 1 << 10;
        final EnglishStemmer stemmer = new EnglishStemmer();
        private String[] words = new String[FIRST_CAPACITY];
        private int[] hashes = new int[FIRST_CAPACITY];
        private Lexeme[] lexemes = new Lexeme[FIRST_CAPACITY];
        private final Map<String, Lexeme> byText = new HashMap<>();
        int size;

        Lexeme find(String text, int start, int length, int hash) {
            int mask = words.length - 1;
            for (int at = spread(hash) & mask; words[at] != null; at = (at + 1) & mask) {
                String w = words[at];
                if (hashes[at] == hash && w.length() == length && text.regionMatches(start, w, 0, length)) {
                    return lexemes[at];
                }
            }
            return null;
        }

        void put(String word, int hash, Lexeme lexeme) {
            if ((size + 1) * 5 > words.length * 2) {
                String[] oldWords = words;
                int[] oldHashes = hashes;
                Lexeme[] oldLexemes = lexemes;
                words = new String[oldWords.length * 2];
                hashes = new int[oldWords.length * 2];
                lexemes = new Lexeme[oldWords.length * 2];
                size = 0;
                for (int i = 0; i < oldWords.length; i++) {
                    if (oldWords[i] != null) {
                        put(oldWords[i], oldHashes[i], oldLexemes[i]);
                    }
                }
            }
            int mask = words.length - 1;
            int at = spread(hash) & mask;
            while (words[at] != null) {
                at = (at + 1) & mask;
            }
            words[at] = word;
            hashes[at] = hash;
            lexemes[at] = lexeme;
            size++;
        }

        Lexeme lexeme(String text) {
            return byText.computeIfAbsent(text, Lexeme::new);
        }

        /** Forgets everything, keeping the table's size (a thread that filled it once will again). */
        void clear() {
            Arrays.fill(words, null);
            Arrays.fill(lexemes, null);
            byText.clear();
            size = 0;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }

    private static byte[] asciiClasses() {
        byte[] classes = new byte[128];
        for (char c = 0; c < 128; c++) {
            classes[c] = Character.isDigit(c) ? ASCII_DIGIT : Character.isLetter(c) ? ASCII_LETTER : 0;
        }
        return classes;
    }

    private static Set<String> stopWords() {
        try (InputStream in = EnglishAnalyzer.class.getResourceAsStream("/search/english.stop")) {
            if (in == null) {
                throw new IllegalStateException("search/english.stop is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
