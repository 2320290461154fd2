package dev.statecraft.timeline.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free analyzer and vector (session 7) store exactly what session 6's did, so search results do
 * not change and rows from before and after a rebuild agree: the text form, the binary form (byte for byte,
 * null alike) and the query analyzer's words, against {@link ReferenceVector}/{@link ReferenceAnalyzer} (session
 * 6's code, kept unchanged), over real announcement texts and many random ones built to reach the edges (case,
 * apostrophes, hyphens, digits, non-ASCII letters and surrogate pairs, stop words, words at the length limit,
 * more than 256 repeats, positions past 16383, lexemes sharing their first bytes, and enough distinct words that
 * the per-thread memo forgets and starts again, several times).
 */
class SearchVectorSameAsBeforeTest {
    private static final String[] REAL = {"sanctions-shadow-fleet.txt", "uk-canada-joint-statement.txt",
        "europe-minister-baltic-visit.txt"};
    private static final String[] ODD = {"Ukraine's", "co-operation", "ÉLYSÉE", "naïve", "straße", "İstanbul", "Ωmega",
        "𝒜lpha", "日本語", "x\uD835\uDC9Cy", "2025", "3rd", "1,000", "o'clock", "\uD800", "don't", "THE", "and", "ǅemal",
        "running", "runner", "runs", "generalisations", "organisations'", "abcdef", "abcdefg", "abcdefgh", "abcdeg",
        "ab", "a", "é", "ée", "\u0130", "\u00df", "'quoted'", "back\\slash", "tab\tsep", "nul\u0000sep", "ﬁnance"};

    @Test
    void realAnnouncementsGiveTheSameVectorAsBefore() throws IOException {
        for (String name : REAL) {
            String text = resource(name);
            int firstLine = text.indexOf('\n');
            assertSame(text.substring(0, firstLine), text.substring(firstLine + 1));
            assertSame(null, text);
            assertSame(text, null);
            assertSame("", text.toUpperCase());
        }
    }

    @Test
    void randomTextsGiveTheSameVectorAndWordsAsBefore() throws IOException {
        List<String> vocabulary = new ArrayList<>(Arrays.asList(ODD));
        for (String name : REAL) {
            vocabulary.addAll(Arrays.asList(resource(name).split("\\s+")));
        }
        Random random = new Random(20261127L);
        for (int doc = 0; doc < 3_000; doc++) {
            String title = text(random, vocabulary, random.nextInt(15), doc);
            String body = random.nextInt(50) == 0 ? null : text(random, vocabulary, random.nextInt(400), doc);
            assertSame(title, body);
            if (doc % 7 == 0) { // the query side's use of the analyzer between vectors
                assertSameWords(body);
            }
        }
    }

    @Test
    void edgesOfTsvectorGiveTheSameVectorAsBefore() {
        String longWord = "w".repeat(2046);
        String tooLong = "w".repeat(2047);
        String wideTooLong = "é".repeat(1024); // 2048 bytes in 1024 chars
        assertSame(longWord + " " + tooLong + " " + wideTooLong + " end", longWord + " after");
        assertSame("title", "again ".repeat(300) + "word ".repeat(20_000) + "tail of the text");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 70_000; i++) { // more distinct lexemes than the primitive sort keys can number
            many.append("z").append(Integer.toString(i, 26).replace('0', 'q')).append(' ');
        }
        assertSame("many", many.toString());
        // over tsvector's 1 MB: both refuse it (binary null)
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 90_000; i++) {
            huge.append("lexeme").append(Integer.toString(i, 36)).append("x ");
        }
        assertSame("huge", huge.toString());
        assertThat(ReferenceVector.analyse("huge", huge.toString()).binary()).isNull();
    }

    private static void assertSame(String title, String body) {
        ReferenceVector before = ReferenceVector.analyse(title, body);
        SearchVector after = SearchVector.analyse(title, body);
        String where = "title " + abbreviated(title) + ", body " + abbreviated(body);
        assertThat(after.text()).as(where).isEqualTo(before.text());
        byte[] expected = before.binary();
        byte[] actual = after.binary();
        if (expected == null) {
            assertThat(actual).as(where).isNull();
        } else {
            assertThat(actual).as(where).isNotNull();
            assertThat(Arrays.equals(actual, expected)).as(where).isTrue();
        }
    }

    private static void assertSameWords(String text) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        int lastBefore = ReferenceAnalyzer.analyse(text, (position, lexeme) -> before.add(position + ":" + lexeme));
        int lastAfter = EnglishAnalyzer.analyse(text, (position, lexeme) -> after.add(position + ":" + lexeme));
        assertThat(after).isEqualTo(before);
        assertThat(lastAfter).isEqualTo(lastBefore);
    }

    /** Words of the vocabulary and fresh random words (so the memo fills and forgets), random separators. */
    private static String text(Random random, List<String> vocabulary, int words, int doc) {
        String[] separators = {" ", " ", " ", ", ", ". ", "-", "'", "\n", " — ", "/", "(", ") ", "’", "\u00a0"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = switch (random.nextInt(10)) {
                case 0 -> randomWord(random);
                case 1 -> Integer.toString(random.nextInt(100_000)) + (random.nextBoolean() ? "" : "th");
                case 2 -> "d" + doc + "w" + random.nextInt(60);
                default -> vocabulary.get(random.nextInt(vocabulary.size()));
            };
            if (random.nextInt(8) == 0) {
                word = word.toUpperCase();
            }
            text.append(word).append(separators[random.nextInt(separators.length)]);
        }
        return text.toString();
    }

    private static String randomWord(Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyzéüßøİı";
        int length = 1 + random.nextInt(random.nextInt(20) == 0 ? 120 : 12);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(random.nextInt(4) == 0 ? letters.length() : 26)));
        }
        return word.toString();
    }

    private static String abbreviated(String s) {
        return s == null ? "null" : s.length() <= 80 ? s : s.substring(0, 80) + "… (" + s.length() + " chars)";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SearchVectorSameAsBeforeTest.class.getResourceAsStream("/search/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
