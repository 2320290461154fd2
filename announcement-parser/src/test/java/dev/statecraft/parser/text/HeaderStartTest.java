package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The header start test never rules out a line that one of the three header patterns matches. */
class HeaderStartTest {
    private static final Random RANDOM = new Random(20261128);
    private static final String[] PIECES = {"Source", "source", "PUBLISHED", "Published", "Updated", "Last updated",
        "last Updated", "Date", "date", "URL", "url", "First published", "on", ":", " : ", " ", "\t", "\u000B", "\f",
        "\u00a0", "31 January 2018", "January 31, 2018", "2018-01-31", ".", "News story", "https://x.y/z", "é", "x"};

    @Test
    void admitsEveryLineAPatternMatches() {
        int matched = 0;
        for (int round = 0; round < 50_000; round++) {
            String line = RandomTexts.joined(RANDOM, PIECES, 0, 7);
            boolean matches = PlainTextReader.HEADER_LINE.matcher(line).matches()
                    || PlainTextReader.PUBLISHED_DATELINE.matcher(line).matches()
                    || PlainTextReader.DATE_FURNITURE.matcher(line).matches();
            matched += matches ? 1 : 0;
            PlainTextReader.Lines lines = PlainTextReader.Lines.of(line);
            if (matches) {
                assertThat(lines.count).as(line).isEqualTo(1);
                assertThat(PlainTextReader.mayBeHeader(lines, 0)).as("[%s]", line).isTrue();
            }
        }
        assertThat(matched).isGreaterThan(1_000); // the pieces do make header lines
    }
}
