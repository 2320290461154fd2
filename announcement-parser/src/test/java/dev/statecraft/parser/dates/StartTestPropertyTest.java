package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A start test never rules out an anchor where its pattern matches (it may let through ones where it does not). */
class StartTestPropertyTest {
    private static final Random RANDOM = new Random(20261127);
    private static final String[] PIECES = {"1", "8", "19", "2025", "123", " ", "  ", "\t", "\n", "-", "–", "/",
            "st", "th", "nd", "rd", "to", "of", "of ", "May", "March", "Sept", "Sep.", "June", "Monday", ",", ".",
            "x", "a", "J", "D", "é", "2024-03-18", "18/03/2025", "6-8 July 2005", "19 May", "30th of July"};

    @Test
    void dayRangeTestPassesEveryMatch() {
        check(DatePatterns.DAY_RANGE, DatePatterns::dayRangeMayStartAt);
    }

    @Test
    void dayMonthTestPassesEveryMatch() {
        check(DatePatterns.DAY_MONTH, DatePatterns::dayMonthMayStartAt);
    }

    @Test
    void isoDateTestPassesEveryMatch() {
        check(DatePatterns.ISO_DATE, DatePatterns::isoDateMayStartAt);
    }

    @Test
    void numericDateTestPassesEveryMatch() {
        check(DatePatterns.NUMERIC_DATE, DatePatterns::numericDateMayStartAt);
    }

    static void check(Pattern pattern, BiPredicate<String, Integer> startTest) {
        int matches = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int pieces = RANDOM.nextInt(1, 8);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[RANDOM.nextInt(PIECES.length)]);
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
