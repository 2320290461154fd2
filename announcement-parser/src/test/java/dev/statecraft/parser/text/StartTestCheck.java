package dev.statecraft.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property every start test must have: on random texts made of the given pieces, it never rules out an anchor
 * where its pattern matches (it may let through ones where it does not).
 */
public final class StartTestCheck {
    private StartTestCheck() {
    }

    public static void passesEveryMatch(Pattern pattern, BiPredicate<String, Integer> startTest, String[] pieces,
            int maxPieces) {
        Random random = new Random(20261127);
        int matches = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int count = random.nextInt(1, maxPieces + 1);
            for (int p = 0; p < count; p++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = s.toString();
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = 0; at < text.length(); at++) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    matches++;
                    assertThat(startTest.test(text, at)).as("'%s' at %d", text, at).isTrue();
                }
            }
        }
        assertThat(matches).as("the random texts hold matches").isGreaterThan(100);
    }
}
