package dev.statecraft.parser.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.text.SearchView;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The cue test at cue words only answers as the former search of the whole sentence did, on random texts. */
class CueSentenceTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String[] PIECES = {"sanction", "Sanctions", "SANCTIONED", "sanctioning", "asset freeze",
        "Asset Freezes", "asset\u00a0freeze", "designat", "designations", "Designated", "designates", "re", "un",
        "s", "ing", "x", "_", "é", "\u0301", "1", " ", ". ", "-", "’", "\u2019s"};

    @Test
    void findsACueWhereTheSearchFoundOne() {
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 1, 10);
            int[] cueOffsets = SanctionExtractor.cueOffsets(SearchView.of(Gazetteer.foldChars(text)));
            int start = RANDOM.nextInt(0, text.length() + 1);
            int end = RANDOM.nextInt(start, text.length() + 1);
            boolean former = SanctionExtractor.CUE.matcher(text).region(start, end).find();
            Matcher cue = SanctionExtractor.CUE.matcher("").useTransparentBounds(true);
            assertThat(SanctionExtractor.cueIn(text, start, end, cueOffsets, cue))
                    .as("%s [%d, %d)", text, start, end).isEqualTo(former);
        }
    }
}
