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

    private static final String[] TODAY_PIECES = {"today", "TODAY", "ToDaY", "t", "T", "o", "d", "a", "y", "tod", "ay",
        " ", "(", "é", "\u212a"};

    /** "today" in any ASCII case is found where the former char-by-char walk found it. */
    @Test
    void findsTodayAsTheWalkDid() {
        for (int round = 0; round < 50_000; round++) {
            String text = RandomTexts.joined(RANDOM, TODAY_PIECES, 0, 14);
            int from = RANDOM.nextInt(0, text.length() + 2);
            assertThat(PublicationDate.today(text, null, from)).as("%s from %d", text, from)
                    .isEqualTo(formerToday(text, from));
        }
    }

    private static int formerToday(String text, int from) {
        for (int i = Math.max(0, from), last = text.length() - 5; i <= last; i++) {
            if ((text.charAt(i) | 0x20) == 't' && (text.charAt(i + 1) | 0x20) == 'o'
                    && (text.charAt(i + 2) | 0x20) == 'd' && (text.charAt(i + 3) | 0x20) == 'a'
                    && (text.charAt(i + 4) | 0x20) == 'y') {
                return i;
            }
        }
        return -1;
    }
}
