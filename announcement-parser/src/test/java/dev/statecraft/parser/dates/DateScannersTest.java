package dev.statecraft.parser.dates;

import dev.statecraft.parser.text.Anchors;
import dev.statecraft.parser.text.ScannerCheck;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each hand-written date scanner finds what {@code lookingAt} of the pattern it stands for finds (bounds transparent,
 * as the anchors try it), groups included, at every position of random texts; where it is unsure the pattern decides.
 */
class DateScannersTest {
    @Test
    void dayMonthScannerMatchesAsThePattern() {
        String[] pieces = {"Tuesday", "Monday", "Sunday", ",", " ", "  ", "\n", "\t", "18", "1", "8", "31", "2025", "1999",
            "1899", "2125", "20251", "st", "th", "nd", "of", "of ", "March", "May", "Sept", "Sep", "September", ".", "Jan",
            "January", "June", "Jun", "Mar", "e", "-", "_", "x", "é", "\u00a0", "\u0301", "2", "Tuesday 18 March 2025",
            "19 May", "30th of July", "1st Jan. 2020", "18 March, 2025"};
        check(DatePatterns.DAY_MONTH, DateScanners::dayMonth, pieces, 9);
    }

    @Test
    void ledMonthScannerMatchesAsThePattern() {
        String[] pieces = {"in", "In", "IN", "since", "Since", "of", "end", "End of", "end  of", "start of",
            "beginning of", "early", "late", "mid", "this", "last", "next", "by", "the", "February", "May", "March",
            "march", "Mayor", "2022", "1999", "2", " ", "  ", "-", " - ", "\t", "\n", "\u00a0", "_", "é", "\u0301", ",",
            "in early", "since late", "in February", "end of March", "in early May", "in mid-July", "x"};
        check(DatePatterns.LED_MONTH, DateScanners::ledMonth, pieces, 7);
    }

    @Test
    void relativePeriodScannerMatchesAsThePattern() {
        String[] pieces = {"this", "This", "THIS", "last", "Next", "earlier", "Later", "the", "The", "coming", "past",
            "the coming", "the  coming", "week", "Month", "YEAR", "weeks", "years", " ", "  ", "\t", "\n", "\u00a0", "_",
            "5", "é", "\u0301", ".", "-", "later this year", "the past month", "earlier this month", "x"};
        check(DatePatterns.RELATIVE_PERIOD, DateScanners::relativePeriod, pieces, 7);
    }

    @Test
    void monthDayScannerMatchesAsThePattern() {
        String[] pieces = {"Tuesday", "Monday", ",", " ", "  ", "\n", "18", "1", "8", "31", "2025", "1999", "20251",
            "st", "th", "March", "May", "Sept", "June", "e", "-", "_", "x", "é", "\u00a0", "\u0301", "2",
            "Tuesday, March 18", "July 8, 2005", "March 18th", "May 1 2020-"};
        check(DatePatterns.MONTH_DAY, DateScanners::monthDay, pieces, 8);
    }

    @Test
    void monthYearScannerMatchesAsThePattern() {
        String[] pieces = {"February", "May", "March", "Mar", ",", " ", "  ", "\n", "2022", "1899", "2125", "20221", "2",
            "e", "-", "_", "x", "é", "\u0661", "\u00a0", "February 2022", "May, 2020"};
        check(DatePatterns.MONTH_YEAR, DateScanners::monthYear, pieces, 7);
    }

    @Test
    void ledYearScannerMatchesAsThePattern() {
        String[] pieces = {"in", "In", "IN", "since", "of", "end of", "End Of", "start of", "early", "mid", "by", "till",
            "2017", "1999", "1799", "20171", "2", " ", "  ", "-", " - ", "\t", "\n", "\u00a0", "_", "é", "\u0661", "/",
            "–", "1", ",", "in 2017", "since 2014", "mid-2020", "by 1999/2000", "x"};
        check(DatePatterns.LED_YEAR, DateScanners::ledYear, pieces, 7);
    }

    @Test
    void loneWeekdayScannerMatchesAsThePattern() {
        String[] pieces = {"Good ", "Black ", "Good", " ", "  ", "\n", "last", "Last", "NEXT", "this", "Friday",
            "Monday", "Fridays", ",", "the", "the 5", "5", "of", "of ", "March", "Mar", "Sept", "May", "é", "\u0301",
            "_", "-", "x", "on Thursday", "last Friday", "Friday, the 3rd", "Tuesday of March"};
        check(DatePatterns.LONE_WEEKDAY, DateScanners::loneWeekday, pieces, 7);
    }

    @Test
    void relativeDayScannerMatchesAsThePattern() {
        String[] pieces = {"today", "Today", "TODAY", "yesterday", "tomorrow", "Tonight", "tonights", "to", "day", " ",
            "_", "é", "\u0301", "1", "x", "."};
        check(DatePatterns.RELATIVE_DAY, DateScanners::relativeDay, pieces, 7);
    }

    @Test
    void isoDateScannerMatchesAsThePattern() {
        String[] pieces = {"2024", "1999", "1799", "-", "03", "18", "3", "2024-03-18", "2024-03-189", "x", "_", "é",
            "\u0661", " ", "/"};
        check(DatePatterns.ISO_DATE, DateScanners::isoDate, pieces, 7);
    }

    @Test
    void numericDateScannerMatchesAsThePattern() {
        String[] pieces = {"18", "3", "123", "/", "2025", "1899", "20251", "18/03/2025", "1/2/2020", "x", "_", "é",
            "\u0661", " ", "-"};
        check(DatePatterns.NUMERIC_DATE, DateScanners::numericDate, pieces, 8);
    }

    @Test
    void agoScannerMatchesAsThePattern() {
        String[] pieces = {"a", "an", "A", "one", "Two", "ten", "3", "12", "123", " ", "  ", "\n", "day", "days", "Weeks",
            "month", "years", "ago", "AGO", "agony", "é", "\u0301", "_", "three years ago", "2 weeks ago", "an hour",
            "x"};
        check(DatePatterns.AGO, DateScanners::ago, pieces, 7);
    }

    @Test
    void todayWithDateScannerMatchesAsThePattern() {
        String[] pieces = {"today", "Today", "yesterday", "this morning", "This Evening", "this", "morning", " ", "  ",
            "(", ")", "Tuesday", "TUESDAY", "18", "1", "123", "st", "TH", "March", "march", "SEPT", "sep", ".", "2025",
            "20251", ",", "é", "\u0301", "_", "x", "today (Tuesday 18 March)", "out today (28 December 2016)",
            "today (", "18 March)", "Tuesday, 1st Jan.)", " 2025)"};
        check(DatePatterns.TODAY_WITH_DATE, DateScanners::todayWithDate, pieces, 8, 300);
    }

    @Test
    void dayRangeScannerMatchesAsThePattern() {
        String[] pieces = {"6", "8", "18", "123", "st", "th", "-", "–", "to", " ", "  ", "July", "Jul", "Jan", ".",
            "Sept", ",", "2005", "20051", "x", "é", "\u0301", "_", "6-8 July 2005", "6 to 8 July", "18th–20th Sept.",
            " 2025", "May"};
        check(DatePatterns.DAY_RANGE, DateScanners::dayRange, pieces, 8);
    }

    @Test
    void partOfYearScannerMatchesAsThePattern() {
        String[] pieces = {"at", "At", "by", "towards", "toward", "Towards", "before", "the", "The", "start", "beginning",
            "end", "END", "turn", "of", "this", "next", "last", "year", "years", "Year", " ", "  ", "\n", "x", "é",
            "\u0301", "_", "at the start of the year", "by the end of this year", " the end of ", "towards the turn"};
        check(DatePatterns.PART_OF_YEAR, DateScanners::partOfYear, pieces, 8);
    }

    private static void check(Pattern pattern, Anchors.Scanner scanner, String[] pieces, int maxPieces) {
        ScannerCheck.matchesAsThePattern(pattern, scanner, pieces, maxPieces, 500);
    }

    private static void check(Pattern pattern, Anchors.Scanner scanner, String[] pieces, int maxPieces,
            int minMatches) {
        ScannerCheck.matchesAsThePattern(pattern, scanner, pieces, maxPieces, minMatches);
    }
}
