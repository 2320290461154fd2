package dev.statecraft.parser.engagements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The engagement scanners answer as the code they replaced did, on random texts. */
class EngagementScanTest {
    private static final Random RANDOM = new Random(20261128);
    private static final String[] WORD_PIECES = {"A", "b", "É", "ß", "1", "'", "’", "-", "_", ".", "\u0301", "\ud835\udc00",
        "\ud835", "\udc00", "x", "Z", "\u00a0"};
    private static final String[] NAME_PIECES = {"The", "A", "An", "UK-EU", "Summit", "Ahead", "of", " ", "  ", "\t",
        "\n", "\u00a0", "\u2003", "Next", "x", "In", "During"};
    private static final String[] CUE_PIECES = {"summit", "Summits", "visit", "VISITED", "travel", "meet", "met", "mee",
        "metres", "talks", "conference", "signed", "hosted", "host", "sign", "x", "1", " ", ". ", "\n\n", "-", "é",
        "\u0301", "’", "s", "ed", "ing", " to", " on to", "_", "MEETING", "Travelled"};
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\d'’-]+");
    private static final Set<String> LEADING_NOISE = Set.of("The", "A", "An", "This", "Ahead", "At", "In", "On",
            "During", "After", "Before", "Following", "Our", "Their", "Its", "His", "Her", "Next", "Last");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> STEMS = List.of("summit", "visit", "travel", "meet", "met", "talks",
            "conference", "signed", "hosted");

    @Test
    void nameWordAsThePattern() {
        for (int round = 0; round < 30_000; round++) {
            String word = RandomTexts.joined(RANDOM, WORD_PIECES, 0, 6);
            String text = word + " ";
            assertThat(EngagementExtractor.isNameWord(text, 0, word.length())).as(word)
                    .isEqualTo(NAME_WORD.matcher(text).region(0, word.length()).matches());
        }
    }

    @Test
    void leadingNoiseStrippedAsBySplitAndJoin() {
        for (int round = 0; round < 30_000; round++) {
            String name = RandomTexts.joined(RANDOM, NAME_PIECES, 1, 8);
            String[] words = SPACES.split(name.strip());
            int i = 0;
            while (i < words.length - 1 && LEADING_NOISE.contains(words[i])) {
                i++;
            }
            String former = String.join(" ", Arrays.copyOfRange(words, i, words.length));
            assertThat(EngagementExtractor.stripLeadingNoise(name)).as("[%s]", name).isEqualTo(former);
        }
    }

    /**
     * Where a region starts after whitespace (as paragraphs and sentences do), a combining mark at its start has
     * no letter before it either way, so transparent and opaque bounds agree.
     */
    @Test
    void cueFoundAsTheRegionSearch() {
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(RANDOM, CUE_PIECES, 1, 12);
            char[] folded = Gazetteer.foldChars(text);
            EngagementExtractor.CueFinder cues = new EngagementExtractor.CueFinder(text, folded,
                    WordTrie.wordStarts(folded));
            for (int region = 0; region < 4; region++) {
                int from = RANDOM.nextInt(0, text.length() + 1);
                int to = RANDOM.nextInt(from, text.length() + 1);
                if (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
                    continue; // regions are paragraphs and sentences: they start after whitespace
                }
                Matcher former = EngagementExtractor.ENGAGEMENT_CUE.matcher(text).region(from, to);
                Matcher found = cues.find(from, to);
                String expected = former.find() ? former.start() + ":" + former.end() : "none";
                assertThat(found == null ? "none" : found.start() + ":" + found.end())
                        .as("%s [%d, %d)", text, from, to).isEqualTo(expected);
            }
        }
    }

    @Test
    void stemsAtWordStartsAsTheIndexOfSearch() {
        for (int round = 0; round < 30_000; round++) {
            char[] folded = Gazetteer.foldChars(RandomTexts.joined(RANDOM, CUE_PIECES, 1, 10));
            String search = new String(folded);
            List<Integer> former = new ArrayList<>();
            for (String stem : STEMS) {
                for (int at = search.indexOf(stem); at >= 0; at = search.indexOf(stem, at + 1)) {
                    if (at == 0 || !TextWords.isLetterOrDigit(folded[at - 1])) {
                        former.add(at * 100 + stem.length());
                    }
                }
            }
            List<Integer> found = new ArrayList<>();
            for (int at : WordTrie.wordStarts(folded)) {
                int length = EngagementExtractor.stemAt(folded, at);
                if (length > 0) {
                    found.add(at * 100 + length);
                }
            }
            assertThat(found).as(search).containsExactlyInAnyOrderElementsOf(former);
        }
    }
}
