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
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);
    /**
     * Words repeat (Zipf), and stemming was half of a rebuild's Java CPU per record (thread dumps of the 1M run):
     * each thread remembers its stems, forgetting all at a bound so memory stays small.
     */
    private static final int STEMS_REMEMBERED = 50_000;
    private static final ThreadLocal<Map<String, String>> STEMS = ThreadLocal.withInitial(HashMap::new);

    /** Receives each word in order: its position (1-based, stop words count) and its lexeme, null for a stop word. */
    @FunctionalInterface
    public interface Words {
        void word(int position, String lexeme);
    }

    private EnglishAnalyzer() {
    }

    /** Analyses {@code text} (null is empty); returns the last position used (0 when there was no word). */
    public static int analyse(String text, Words words) {
        if (text == null) {
            return 0;
        }
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
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (word.length() * 3 >= MAX_WORD_BYTES && word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES) {
                continue;
            }
            position++;
            words.word(position, STOP_WORDS.contains(word) ? null : letter ? stem(word) : word);
        }
        return position;
    }

    static String stem(String word) {
        Map<String, String> stems = STEMS.get();
        String known = stems.get(word);
        if (known != null) {
            return known;
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (stems.size() >= STEMS_REMEMBERED) {
            stems.clear();
        }
        stems.put(word, stem);
        return stem;
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
