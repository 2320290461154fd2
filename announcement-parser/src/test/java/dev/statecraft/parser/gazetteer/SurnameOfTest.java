package dev.statecraft.parser.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.RandomTexts;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Gazetteer#surnameOf} walks the words in place as the former split at " +" read them. */
class SurnameOfTest {
    private static final Random RANDOM = new Random(20261128);
    private static final String[] PIECES = {"Kaja", "Kallas", "von", "der", "Leyen", "al", "bin", "de", "la", "vo",
        "x", " ", "  ", "\t", "\u00a0", "-", "é"};
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Set<String> PARTICLES =
            Set.of("von", "van", "der", "den", "de", "da", "dos", "du", "di", "bin", "al", "le", "la");

    @Test
    void sameSurnameAsTheSplit() {
        for (int round = 0; round < 30_000; round++) {
            String name = RandomTexts.joined(RANDOM, PIECES, 1, 8);
            assertThat(Gazetteer.surnameOf(name)).as("[%s]", name).isEqualTo(former(name));
        }
    }

    private static String former(String fullName) {
        String trimmed = fullName.trim();
        String[] words = SPACES.split(trimmed);
        for (int i = 1; i < words.length - 1; i++) {
            if (PARTICLES.contains(words[i])) {
                return String.join(" ", Arrays.copyOfRange(words, i, words.length));
            }
        }
        return words[words.length - 1];
    }
}
