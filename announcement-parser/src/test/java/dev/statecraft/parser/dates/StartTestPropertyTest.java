package dev.statecraft.parser.dates;

import dev.statecraft.parser.text.StartTestCheck;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A start test never rules out an anchor where its pattern matches (it may let through ones where it does not). */
class StartTestPropertyTest {
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

    @Test
    void relativePeriodTestPassesEveryMatch() {
        String[] pieces = {"this", "This", "THIS", "last", "Next", "earlier", "Later", "the", "The", "coming", "past",
            "the coming", "week", "Month", "YEAR", "weeks", "years", " ", "  ", "\t", "\n", "\u00a0", "_", "5", "é", ".",
            "-", "later this year", "the past month", "earlier this month"};
        StartTestCheck.passesEveryMatch(DatePatterns.RELATIVE_PERIOD, DatePatterns::relativePeriodMayStartAt, pieces,
                7);
    }

    static void check(Pattern pattern, BiPredicate<String, Integer> startTest) {
        StartTestCheck.passesEveryMatch(pattern, startTest, PIECES, 7);
    }
}
