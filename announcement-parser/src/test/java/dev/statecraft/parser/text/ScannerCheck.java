package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property every {@link Anchors.Scanner} must have: at every position of random texts made of the given pieces it
 * finds what {@code lookingAt} of its pattern finds (bounds transparent, as the anchors try it), groups included, or
 * is {@link Anchors#UNSURE}, which must be rare.
 */
public final class ScannerCheck {
    private ScannerCheck() {
    }

    public static void matchesAsThePattern(Pattern pattern, Anchors.Scanner scanner, String[] pieces, int maxPieces,
            int minMatches) {
        Random random = new Random(20261128);
        int sure = 0;
        int matches = 0;
        for (int round = 0; round < 30_000; round++) {
            String text = RandomTexts.joined(random, pieces, 1, maxPieces);
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = 0; at < text.length(); at++) {
                // Mostly the anchors' window; sometimes a region that ends inside the text.
                int to = random.nextInt(4) == 0 ? random.nextInt(at, text.length() + 1)
                        : Math.min(text.length(), at + 160);
                MatchResult scanned = scanner.matchAt(text, at, to);
                if (scanned == Anchors.UNSURE) {
                    continue;
                }
                sure++;
                boolean found = m.region(at, to).lookingAt();
                String where = "'" + text + "' at " + at + " to " + to;
                if (!found) {
                    assertThat(scanned).as(where).isNull();
                    continue;
                }
                matches++;
                assertThat(scanned).as(where).isNotNull();
                assertThat(scanned.groupCount()).as(where).isEqualTo(m.groupCount());
                for (int g = 0; g <= m.groupCount(); g++) {
                    assertThat(scanned.start(g)).as(where + " start of group " + g).isEqualTo(m.start(g));
                    assertThat(scanned.end(g)).as(where + " end of group " + g).isEqualTo(m.end(g));
                    assertThat(scanned.group(g)).as(where + " group " + g).isEqualTo(m.group(g));
                }
            }
        }
        // The scanner decides nearly everywhere, and the texts hold matches to compare.
        assertThat(sure).isGreaterThan(100_000);
        assertThat(matches).isGreaterThanOrEqualTo(minMatches);
    }
}
