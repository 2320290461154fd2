package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The about-phrase scanner gives what the trim/split/list version it replaced gives, on random texts of glue
 * words, other words, clause marks and every kind of space (regex spaces, other control chars, Unicode
 * whitespace, no-break space).
 */
class AboutPhraseTest {
    private static final int WINDOW = 120;
    private static final int MAX_WORDS = 6;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> GLUE = Set.of("a", "an", "the", "and", "or", "but", "of", "on", "in", "at",
            "by", "for", "from", "to", "since", "until", "till", "during", "before", "after", "ahead", "as", "with",
            "will", "would", "is", "are", "was", "were", "be", "been", "have", "has", "had", "which", "who", "that",
            "this", "its", "their", "our", "we", "it", "they", "throughout", "out", "also", "both", "than", "more",
            "over", "around", "about", "early", "late", "mid", "when", "where", "earlier", "later", "then");
    private static final String[] PIECES = {"the", "The", "AND", "in", "summit", "Kallas", "talks", "met", " ", " ",
        "  ", "\t", "\n", "\u000B", "\f", "\r", "\u0001", "\u001C", "\u2003", "\u00A0", ",", ".", "(", "–", "“",
        "x", "İ", "😀", "BY", "Throughout", "throughouts", "\u212a", "wİth", "Ago"};
    private static final Random RANDOM = new Random(2711);

    /** The implementation before the scanner, kept as the reference. */
    private static String reference(String text, int dateStart) {
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

    @Test
    void scannerAgreesWithTheSplitVersion() {
        for (int round = 0; round < 20_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 0, 80);
            int dateStart = RANDOM.nextInt(0, text.length() + 1);
            assertThat(AboutPhrase.before(text, dateStart)).as("%s at %d", text, dateStart)
                    .isEqualTo(reference(text, dateStart));
        }
    }

    @Test
    void keepsTheLastWordsOfTheClauseWithoutGlue() {
        assertThat(AboutPhrase.before("Earlier, the leaders of the G7 will meet in London on 19 May", 54))
                .isEqualTo("G7 will meet in London");
    }
}
