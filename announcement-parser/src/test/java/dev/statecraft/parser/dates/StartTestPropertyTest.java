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

    @Test
    void ledMonthTestPassesEveryMatch() {
        StartTestCheck.passesEveryMatch(DatePatterns.LED_MONTH, DatePatterns::ledMonthMayStartAt, LED_PIECES, 6);
    }

    @Test
    void ledYearTestPassesEveryMatch() {
        StartTestCheck.passesEveryMatch(DatePatterns.LED_YEAR, DatePatterns::ledYearMayStartAt, LED_PIECES, 6);
    }

    private static final String[] LED_PIECES = {"in", "In", "IN", "since", "of", "end", "End of", "start of",
        "beginning of", "early", "late", "mid", "this", "last", "next", "by", "the", "February", "May", "march", "2022",
        "1999", "2", "17", " ", "  ", "-", " - ", "\t", "\n", "\u00a0", "_", "é", ",", "in early", "since late", "in February", "since 2022", "end of March",
        "in early May", "in mid-July", "by 1999", "of-2020", "start of 2017"};

    static void check(Pattern pattern, BiPredicate<String, Integer> startTest) {
        StartTestCheck.passesEveryMatch(pattern, startTest, PIECES, 7);
    }
}
