package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-place search for "published"/"updated" answers as the former lower-casing of the paragraph did. */
class PublishedWordTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String[] PIECES = {"published", "PUBLISHED", "Published", "updated", "UpDaTeD", "publ",
        "ished", "upd", "ated", "P", "u", "b", "l", "i", "s", "h", "e", "d", "t", "a", "İ", "ı", "\u212a", " ", "é",
        "\u0307"};

    @Test
    void findsTheWordsAsLowerCasingDid() {
        for (int round = 0; round < 50_000; round++) {
            String text = RandomTexts.joined(RANDOM, PIECES, 0, 14);
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : new String[] {"published", "updated"}) {
                assertThat(PublicationDate.containsAsciiIgnoreCase(text, word)).as(text)
                        .isEqualTo(lower.contains(word));
            }
        }
    }
}
