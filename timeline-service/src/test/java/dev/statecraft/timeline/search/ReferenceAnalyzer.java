package dev.statecraft.timeline.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Session 6's {@code EnglishAnalyzer}, kept unchanged as the reference SearchVectorSameAsBeforeTest compares the
 * current one with (the stored vector must stay byte for byte the same).
 *
 * <p>The one text analyzer of full-text search, used for the stored search vector and for the query, so the two
 * agree by construction: words are maximal runs of letters and digits (everything else separates, as
 * PostgreSQL's parser treats apostrophes and hyphens), lower-cased; a word on PostgreSQL's English stop-word
 * list still takes its position but gives no lexeme; a word with a letter is reduced by the Snowball English
 * (porter2) stemmer, the algorithm of PostgreSQL's {@code english_stem}; a number stays as it is. So a plain
 * word gets the same lexeme as {@code to_tsvector('english', …)} gives it, which {@code ts_headline('english', …)}
 * relies on to mark matches.
 */
final class ReferenceAnalyzer {
    /** PostgreSQL's {@code tsearch_data/english.stop}, copied unchanged. */
    private static final Set<String> STOP_WORDS = stopWords();
    /** PostgreSQL skips words this long (and longer) in a tsvector. */
    private static final int MAX_WORD_BYTES = 2047;
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);
    /**
     * Words repeat (Zipf), and stemming, lower-casing and the stop-word lookup were half of a rebuild's Java CPU
     * per record (thread dumps and JFR of the 1M run): each thread remembers the lexeme of each word as it
     * appears in the text, forgetting all at a bound so memory stays small. Only words far below the length
     * limit are remembered, so the limit is always checked on the exact lower-cased word.
     */
    private static final int WORDS_REMEMBERED = 50_000;
    private static final int LONGEST_REMEMBERED = 100;
    private static final ThreadLocal<Map<String, String>> LEXEMES = ThreadLocal.withInitial(HashMap::new);
    /** A remembered stop word (compared by identity: no lexeme is this instance). */
    private static final String STOP = new String("stop word");

    /** Receives each word in order: its position (1-based, stop words count) and its lexeme, null for a stop word. */
    @FunctionalInterface
    public interface Words {
        void word(int position, String lexeme);
    }

    private ReferenceAnalyzer() {
    }

    /** Analyses {@code text} (null is empty); returns the last position used (0 when there was no word). */
    public static int analyse(String text, Words words) {
        if (text == null) {
            return 0;
        }
        Map<String, String> remembered = LEXEMES.get();
        int position = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            boolean letter = false;
            while (i < n) {
                c = text.codePointAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                letter |= Character.isLetter(c);
                i += Character.charCount(c);
            }
            String raw = text.substring(start, i);
            String known = raw.length() <= LONGEST_REMEMBERED ? remembered.get(raw) : null;
            if (known != null) {
                position++;
                words.word(position, known == STOP ? null : known);
                continue;
            }
            String word = raw.toLowerCase(Locale.ROOT);
            if (word.length() * 3 >= MAX_WORD_BYTES && word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES) {
                continue;
            }
            position++;
            String lexeme = STOP_WORDS.contains(word) ? null : letter ? stem(word) : word;
            if (raw.length() <= LONGEST_REMEMBERED) {
                if (remembered.size() >= WORDS_REMEMBERED) {
                    remembered.clear();
                }
                remembered.put(raw, lexeme == null ? STOP : lexeme);
            }
            words.word(position, lexeme);
        }
        return position;
    }

    static String stem(String word) {
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Set<String> stopWords() {
        try (InputStream in = ReferenceAnalyzer.class.getResourceAsStream("/search/english.stop")) {
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
