package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start-set memberships a vocabulary works out once give the same anchors as those worked out per text: every
 * set, as start words and as next words, on random texts of vocabulary words, digits, symbols and other words.
 */
class KnownMembershipTest {
    private static final Set<String> WORDS = Set.of("in", "of", "the", "march", "may", "monday", "last", "us", "a");
    private static final String SYMBOLS = "$£€";
    private static final List<Set<String>> SETS = List.of(Set.of(Anchors.DIGIT), Set.of("$", "£", "€"),
            Set.of("march", "may", Anchors.DIGIT), Set.of("in", "of", "last"), Set.of("monday", "€", "x"),
            Set.of("the"), Set.of("nothing", "else"));
    private static final String[] PIECES = {"in", "of", "the", "March", "may", "Monday", "last", "US", "a", "12",
        "7", "$", "£", "€", "¥", "x", "word", "o'", "-", ",", "then"};
    private static final Pattern ONE_CHAR = Pattern.compile(".", Pattern.DOTALL);

    @Test
    void knownMembershipsFindWhatPerTextOnesFind() {
        Anchors.Vocabulary known = new Anchors.Vocabulary(WORDS, SYMBOLS, SETS);
        Anchors.Vocabulary plain = new Anchors.Vocabulary(WORDS);
        Random random = new Random(20261128);
        int matched = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder s = new StringBuilder();
            int pieces = random.nextInt(1, 30);
            for (int i = 0; i < pieces; i++) {
                s.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String text = s.toString();
            TextViews views = TextViews.of(text);
            for (Set<String> set : SETS) {
                List<Integer> expectedStarts = starts(Anchors.find(views, plain, SYMBOLS), text, set, null);
                assertThat(starts(Anchors.find(views, known, SYMBOLS), text, set, null)).as(text)
                        .isEqualTo(expectedStarts);
                assertThat(starts(Anchors.find(views, known, SYMBOLS), text, null, set)).as(text)
                        .isEqualTo(starts(Anchors.find(views, plain, SYMBOLS), text, null, set));
                // Other symbols than the vocabulary's: its memberships do not apply.
                assertThat(starts(Anchors.find(views, known, "€$"), text, set, null)).as(text)
                        .isEqualTo(starts(Anchors.find(views, plain, "€$"), text, set, null));
                matched += expectedStarts.size();
            }
        }
        assertThat(matched).isGreaterThan(10_000);
    }

    private static List<Integer> starts(Anchors anchors, String text, Set<String> startWords, Set<String> nextWords) {
        List<Integer> starts = new ArrayList<>();
        anchors.matchAt(ONE_CHAR, text, startWords, nextWords, m -> starts.add(m.start()));
        return starts;
    }
}
