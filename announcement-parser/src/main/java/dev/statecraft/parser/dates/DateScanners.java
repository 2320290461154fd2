package dev.statecraft.parser.dates;

import static dev.statecraft.parser.text.RegexChars.NO;
import static dev.statecraft.parser.text.RegexChars.UNKNOWN;
import static dev.statecraft.parser.text.RegexChars.YES;
import static dev.statecraft.parser.text.RegexChars.boundaryAt;
import static dev.statecraft.parser.text.RegexChars.isAsciiWordChar;
import static dev.statecraft.parser.text.RegexChars.isDigit;
import static dev.statecraft.parser.text.RegexChars.isRegexSpace;
import static dev.statecraft.parser.text.RegexChars.skipSpaces;
import static dev.statecraft.parser.text.RegexChars.startsWithIgnoringAsciiCase;

import dev.statecraft.parser.text.Anchors;
import java.util.regex.MatchResult;

/**
 * Hand-written {@link Anchors.Scanner}s of the busiest date patterns: each walks the chars from the anchor in the
 * order the pattern's backtracking tries its choices, so it finds the same match with the same groups, without a
 * matcher or a regex try. Where a word boundary has a surrogate or a combining mark beside it (the regex's boundary
 * then reads code points or looks for a base char) they answer {@link Anchors#UNSURE} and the pattern decides.
 */
final class DateScanners {
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"};
    /** {@link DatePatterns#MONTH}'s alternatives in its order; from {@link #FIRST_ABBREVIATION} on a dot may follow. */
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
        "Oct", "Nov", "Dec"};
    private static final int FIRST_ABBREVIATION = 12;
    private static final int FULL_MONTHS = 12;
    /** {@link DatePatterns#LED_MONTH}'s lead words in its order. */
    private static final String[] LEADS = {"in", "since", "from", "until", "till", "by", "during", "before", "after",
        "throughout", "early", "late", "mid", "end of", "start of", "beginning of", "this", "last", "next", "of",
        "since early", "since late", "in early", "in late", "in mid"};
    /** {@link DatePatterns#LED_YEAR}'s lead words in its order. */
    private static final String[] YEAR_LEADS = {"in", "since", "from", "until", "by", "during", "before", "after",
        "throughout", "early", "late", "mid", "end of", "start of", "of"};
    private static final String[] WEEKDAY_LEADS = {"last", "next", "this"};
    private static final String[] LOWER_WEEKDAYS = lowerCase(WEEKDAYS);
    private static final String[] LOWER_MONTHS = lowerCase(MONTHS);
    private static final String[] RANGE_SEPARATORS = {"-", "–", "to"};
    private static final String[] PART_OF_YEAR_LEADS = {"at", "by", "towards", "toward", "before"};
    private static final String[] PARTS_OF_YEAR = {"start", "beginning", "end", "turn"};
    private static final String[] WHICH_YEAR = {"the", "this", "next", "last"};
    private static final String[] RELATIVE_DAYS = {"today", "yesterday", "tomorrow", "tonight"};
    /** {@link DatePatterns#TODAY_WITH_DATE}'s lead words in its order. */
    private static final String[] TODAY_LEADS = {"today", "yesterday", "tomorrow", "tonight", "this morning",
        "this afternoon", "this evening"};
    private static final String[] AGO_COUNTS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten"};
    private static final String[] AGO_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years"};
    private static final String[] PERIOD_SHIFTS = {"earlier", "later"};
    private static final String[] PERIOD_WHICH = {"this", "last", "next", "the coming", "the past"};
    private static final String[] PERIOD_UNITS = {"week", "month", "year"};

    private DateScanners() {
    }

    private static String[] lowerCase(String[] words) {
        String[] lower = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lower[i] = words[i].toLowerCase(java.util.Locale.ROOT);
        }
        return lower;
    }

    /** The rest of a date pattern from {@code i}: sets groups 2-4 and the end in {@code g} when it matches. */
    private interface DateRest {
        boolean matchFrom(String text, int i, int to, int[] g);
    }

    /**
     * {@code \b(?:(WEEKDAY),?\s+)?REST}: the choices in the order the regex backtracks (the weekday with the comma,
     * without it, then no weekday), shared by the day-month and month-day patterns.
     */
    private static MatchResult afterOptionalWeekday(String text, int at, int to, DateRest rest) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int[] g = {at, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        int weekday = startingAt(text, at, to, WEEKDAYS, 0, WEEKDAYS.length, false);
        if (weekday >= 0) {
            int w = at + WEEKDAYS[weekday].length();
            g[2] = at;
            g[3] = w;
            // ",?\s+": with the comma first, then without.
            if (w < to && text.charAt(w) == ',') {
                int s = skipSpaces(text, w + 1, to);
                if (s > w + 1 && rest.matchFrom(text, s, to, g)) {
                    return new Anchors.Scanned(text, g);
                }
            }
            int s = skipSpaces(text, w, to);
            if (s > w && rest.matchFrom(text, s, to, g)) {
                return new Anchors.Scanned(text, g);
            }
            g[2] = -1;
            g[3] = -1;
        }
        return rest.matchFrom(text, at, to, g) ? new Anchors.Scanned(text, g) : null;
    }

    /** The rest of a pattern after an optional lead word, from {@code i}; {@code leadEnd} is -1 without the lead. */
    private interface LedRest {
        MatchResult matchFrom(String text, int at, int i, int to, int leadEnd);
    }

    /**
     * {@code \b(?:LEAD\s+)?REST} with a case-insensitive lead: with the lead first, then without, in the order the
     * regex backtracks; shared by the lone-weekday and relative-period patterns.
     */
    private static MatchResult afterOptionalLead(String text, int at, int to, String[] leads, LedRest rest) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int lead = startingAt(text, at, to, leads, 0, leads.length, true);
        if (lead >= 0) {
            int leadEnd = at + leads[lead].length();
            int i = skipSpaces(text, leadEnd, to);
            if (i > leadEnd) {
                MatchResult r = rest.matchFrom(text, at, i, to, leadEnd);
                if (r != null) {
                    return r;
                }
            }
        }
        return rest.matchFrom(text, at, at, to, -1);
    }

    /** {@link DatePatterns#DAY_MONTH}: groups weekday, day, month, year. */
    static MatchResult dayMonth(String text, int at, int to) {
        return afterOptionalWeekday(text, at, to, DateScanners::dayMonthFrom);
    }

    /** {@code DAY\s+(?:of\s+)?MONTH(?:,?\s+YEAR)?(?![\w-])} from {@code i}, setting groups 2-4 and the end. */
    private static boolean dayMonthFrom(String text, int i, int to, int[] g) {
        return dayThen(text, i, to, g, 4, false, DateScanners::afterDay);
    }

    /**
     * {@code \d{1,2}(?:st|nd|rd|th)?REST} from {@code i}, the day as group {@code g[slot..slot+1]}: two digits before
     * one, the ordinal before none (in ASCII case when {@code ignoreCase}), as the regex backtracks.
     */
    private static boolean dayThen(String text, int i, int to, int[] g, int slot, boolean ignoreCase, DateRest rest) {
        for (int digits = 2; digits >= 1; digits--) {
            int dayEnd = i + digits;
            if (dayEnd > to || !allDigits(text, i, dayEnd)) {
                continue;
            }
            g[slot] = i;
            g[slot + 1] = dayEnd;
            boolean ordinal = ignoreCase ? isOrdinalIgnoringCaseAt(text, dayEnd, to) : isOrdinalAt(text, dayEnd, to);
            if (ordinal && rest.matchFrom(text, dayEnd + 2, to, g)) {
                return true;
            }
            if (rest.matchFrom(text, dayEnd, to, g)) {
                return true;
            }
        }
        g[slot] = -1;
        g[slot + 1] = -1;
        return false;
    }

    private static boolean afterDay(String text, int i, int to, int[] g) {
        int s = skipSpaces(text, i, to);
        if (s == i) {
            return false;
        }
        if (text.startsWith("of", s) && s + 2 <= to) {
            int m = skipSpaces(text, s + 2, to);
            if (m > s + 2 && monthTail(text, m, to, g)) {
                return true;
            }
        }
        return monthTail(text, s, to, g);
    }

    /** {@code MONTH(?:,?\s+YEAR)?(?![\w-])} from {@code i}: each month alternative in order, with a dot first. */
    private static boolean monthTail(String text, int i, int to, int[] g) {
        for (int month = 0; month < MONTHS.length; month++) {
            String name = MONTHS[month];
            if (!(i + name.length() <= to && text.startsWith(name, i))) {
                continue;
            }
            int end = i + name.length();
            g[6] = i;
            g[7] = end;
            if (month >= FIRST_ABBREVIATION && end < to && text.charAt(end) == '.' && yearTail(text, end + 1, to, g)) {
                return true;
            }
            if (yearTail(text, end, to, g)) {
                return true;
            }
        }
        g[6] = -1;
        g[7] = -1;
        return false;
    }

    /** {@code (?:,?\s+YEAR)?(?![\w-])} from {@code i}. */
    private static boolean yearTail(String text, int i, int to, int[] g) {
        if (i < to && text.charAt(i) == ',') {
            int s = skipSpaces(text, i + 1, to);
            if (s > i + 1 && isYearAt(text, s, to) && !isWordOrHyphen(text, s + 4)) {
                return matched(g, s, s + 4);
            }
        }
        int s = skipSpaces(text, i, to);
        if (s > i && isYearAt(text, s, to) && !isWordOrHyphen(text, s + 4)) {
            return matched(g, s, s + 4);
        }
        if (!isWordOrHyphen(text, i)) {
            g[8] = -1;
            g[9] = -1;
            g[1] = i;
            return true;
        }
        return false;
    }

    private static boolean matched(int[] g, int yearStart, int yearEnd) {
        g[8] = yearStart;
        g[9] = yearEnd;
        g[1] = yearEnd;
        return true;
    }

    /** {@link DatePatterns#LED_MONTH}: groups lead, month. */
    static MatchResult ledMonth(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        for (String lead : LEADS) {
            int leadEnd = at + lead.length();
            if (leadEnd > to || !startsWithIgnoringAsciiCase(text, at, lead)) {
                continue;
            }
            int m = leadEnd;
            while (m < to && (isRegexSpace(text.charAt(m)) || text.charAt(m) == '-')) {
                m++;
            }
            if (m == leadEnd) {
                continue;
            }
            int month = startingAt(text, m, to, MONTHS, 0, FULL_MONTHS, false);
            if (month < 0) {
                continue;
            }
            int end = m + MONTHS[month].length();
            int after = boundaryAt(text, end);
            if (after == UNKNOWN) {
                return Anchors.UNSURE;
            }
            // "\b(?!\s*\d)": the lookahead sees past the region (transparent bounds).
            if (after == YES && !isDigitAfterSpaces(text, end)) {
                return new Anchors.Scanned(text, new int[] {at, end, at, leadEnd, m, end});
            }
        }
        return null;
    }

    /** {@link DatePatterns#MONTH_DAY}: groups weekday, month, day, year. */
    static MatchResult monthDay(String text, int at, int to) {
        return afterOptionalWeekday(text, at, to, DateScanners::monthDayFrom);
    }

    /** {@code FULL_MONTH\s+DAY(?:,?\s+YEAR)?(?![\w-])} from {@code i}, setting groups 2-4 and the end. */
    private static boolean monthDayFrom(String text, int i, int to, int[] g) {
        int month = startingAt(text, i, to, MONTHS, 0, FULL_MONTHS, false);
        if (month < 0) {
            return false;
        }
        int monthEnd = i + MONTHS[month].length();
        int d = skipSpaces(text, monthEnd, to);
        if (d == monthEnd) {
            return false;
        }
        g[4] = i;
        g[5] = monthEnd;
        if (dayThen(text, d, to, g, 6, false, DateScanners::yearTail)) {
            return true;
        }
        g[4] = -1;
        g[5] = -1;
        return false;
    }

    /** {@link DatePatterns#MONTH_YEAR}: groups month, year. */
    static MatchResult monthYear(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int month = startingAt(text, at, to, MONTHS, 0, FULL_MONTHS, false);
        if (month < 0) {
            return null;
        }
        int monthEnd = at + MONTHS[month].length();
        // ",?\s+YEAR\b": with the comma first, then without.
        for (int y : new int[] {monthEnd < to && text.charAt(monthEnd) == ',' ? monthEnd + 1 : -1, monthEnd}) {
            if (y < 0) {
                continue;
            }
            int s = skipSpaces(text, y, to);
            if (s > y && isYearAt(text, s, to)) {
                int after = boundaryAt(text, s + 4);
                if (after == UNKNOWN) {
                    return Anchors.UNSURE;
                }
                if (after == YES) {
                    return new Anchors.Scanned(text, new int[] {at, s + 4, at, monthEnd, s, s + 4});
                }
            }
        }
        return null;
    }

    /** {@link DatePatterns#LED_YEAR}: group year. */
    static MatchResult ledYear(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        for (String lead : YEAR_LEADS) {
            int leadEnd = at + lead.length();
            if (leadEnd > to || !startsWithIgnoringAsciiCase(text, at, lead)) {
                continue;
            }
            int y = leadEnd;
            while (y < to && (isRegexSpace(text.charAt(y)) || text.charAt(y) == '-')) {
                y++;
            }
            if (y == leadEnd || !isYearAt(text, y, to)) {
                continue;
            }
            int end = y + 4;
            int after = boundaryAt(text, end);
            if (after == UNKNOWN) {
                return Anchors.UNSURE;
            }
            // "\b(?![-/–]\d)": the lookahead sees past the region (transparent bounds).
            if (after == YES && !(end + 1 < text.length() && "-/–".indexOf(text.charAt(end)) >= 0
                    && isDigit(text.charAt(end + 1)))) {
                return new Anchors.Scanned(text, new int[] {at, end, y, end});
            }
        }
        return null;
    }

    /** {@link DatePatterns#LONE_WEEKDAY}: groups lead ("last", "next", "this"), weekday. */
    static MatchResult loneWeekday(String text, int at, int to) {
        // "(?<!Good )(?<!Black )": the lookbehinds see before the region (transparent bounds).
        if (at >= 5 && text.startsWith("Good ", at - 5) || at >= 6 && text.startsWith("Black ", at - 6)) {
            return null;
        }
        return afterOptionalLead(text, at, to, WEEKDAY_LEADS, DateScanners::loneWeekdayFrom);
    }

    private static MatchResult loneWeekdayFrom(String text, int at, int w, int to, int leadEnd) {
        int weekday = startingAt(text, w, to, WEEKDAYS, 0, WEEKDAYS.length, false);
        if (weekday < 0) {
            return null;
        }
        int end = w + WEEKDAYS[weekday].length();
        int after = boundaryAt(text, end);
        if (after == UNKNOWN) {
            return Anchors.UNSURE;
        }
        if (after == NO || isDatedAfterWeekday(text, end) || isMonthAfterWeekday(text, end)) {
            return null;
        }
        // The third group, the month of the negative lookahead, never holds anything.
        return new Anchors.Scanned(text, new int[] {at, end, leadEnd < 0 ? -1 : at, leadEnd, w, end, -1, -1});
    }

    /** The lookahead {@code ,?\s*(?:\d|the\s+\d)} at {@code i} (it sees past the region). */
    private static boolean isDatedAfterWeekday(String text, int i) {
        if (i < text.length() && text.charAt(i) == ',' && isNumberOrTheNumberAt(text, skipSpaces(text, i + 1,
                text.length()))) {
            return true;
        }
        return isNumberOrTheNumberAt(text, skipSpaces(text, i, text.length()));
    }

    private static boolean isNumberOrTheNumberAt(String text, int i) {
        if (i < text.length() && isDigit(text.charAt(i))) {
            return true;
        }
        if (!text.startsWith("the", i)) {
            return false;
        }
        int d = skipSpaces(text, i + 3, text.length());
        return d > i + 3 && d < text.length() && isDigit(text.charAt(d));
    }

    /** The lookahead {@code \s+(?:of\s+)?MONTH} at {@code i} (it sees past the region). */
    private static boolean isMonthAfterWeekday(String text, int i) {
        int s = skipSpaces(text, i, text.length());
        if (s == i) {
            return false;
        }
        if (text.startsWith("of", s)) {
            int m = skipSpaces(text, s + 2, text.length());
            if (m > s + 2 && startsWithMonth(text, m)) {
                return true;
            }
        }
        return startsWithMonth(text, s);
    }

    private static boolean startsWithMonth(String text, int i) {
        for (String month : MONTHS) {
            if (text.startsWith(month, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@link DatePatterns#DAY_RANGE}: groups first day, last day, month, year. */
    static MatchResult dayRange(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int[] g = {at, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        for (int digits = 2; digits >= 1; digits--) {
            int firstEnd = at + digits;
            if (firstEnd > to || !allDigits(text, at, firstEnd)) {
                continue;
            }
            g[2] = at;
            g[3] = firstEnd;
            for (int ordinal = 1; ordinal >= 0; ordinal--) {
                if (ordinal == 1 && !isOrdinalAt(text, firstEnd, to)) {
                    continue;
                }
                int sep = skipSpaces(text, firstEnd + 2 * ordinal, to);
                for (String separator : RANGE_SEPARATORS) {
                    if (sep + separator.length() > to || !text.startsWith(separator, sep)) {
                        continue;
                    }
                    int second = skipSpaces(text, sep + separator.length(), to);
                    int end = rangeEnd(text, second, to, g);
                    if (end == DEFER) {
                        return Anchors.UNSURE;
                    }
                    if (end >= 0) {
                        return new Anchors.Scanned(text, g);
                    }
                }
            }
        }
        return null;
    }

    private static final int FAIL = -1;
    private static final int DEFER = -2;

    /** {@code DAY\s+MONTH(?:,?\s+YEAR)?\b} from {@code i}: the end (groups 2-4 set), FAIL or DEFER. */
    private static int rangeEnd(String text, int i, int to, int[] g) {
        for (int digits = 2; digits >= 1; digits--) {
            int dayEnd = i + digits;
            if (dayEnd > to || !allDigits(text, i, dayEnd)) {
                continue;
            }
            g[4] = i;
            g[5] = dayEnd;
            for (int ordinal = 1; ordinal >= 0; ordinal--) {
                if (ordinal == 1 && !isOrdinalAt(text, dayEnd, to)) {
                    continue;
                }
                int afterDay = dayEnd + 2 * ordinal;
                int m = skipSpaces(text, afterDay, to);
                if (m == afterDay) {
                    continue;
                }
                for (int month = 0; month < MONTHS.length; month++) {
                    String name = MONTHS[month];
                    if (m + name.length() > to || !text.startsWith(name, m)) {
                        continue;
                    }
                    g[6] = m;
                    g[7] = m + name.length();
                    int monthEnd = m + name.length();
                    int[] afterMonth = month >= FIRST_ABBREVIATION && monthEnd < to && text.charAt(monthEnd) == '.'
                            ? new int[] {monthEnd + 1, monthEnd} : new int[] {monthEnd};
                    for (int a : afterMonth) {
                        int end = rangeYearEnd(text, a, to, g);
                        if (end != FAIL) {
                            return end;
                        }
                    }
                }
            }
        }
        return FAIL;
    }

    /** {@code (?:,?\s+YEAR)?\b} from {@code i}: the end, FAIL or DEFER. */
    private static int rangeYearEnd(String text, int i, int to, int[] g) {
        for (int y : new int[] {i < to && text.charAt(i) == ',' ? i + 1 : -1, i}) {
            if (y < 0) {
                continue;
            }
            int s = skipSpaces(text, y, to);
            if (s > y && isYearAt(text, s, to)) {
                int after = boundaryAt(text, s + 4);
                if (after == UNKNOWN) {
                    return DEFER;
                }
                if (after == YES) {
                    g[8] = s;
                    g[9] = s + 4;
                    g[1] = s + 4;
                    return s + 4;
                }
            }
        }
        int after = boundaryAt(text, i);
        if (after == UNKNOWN) {
            return DEFER;
        }
        if (after == YES) {
            g[8] = -1;
            g[9] = -1;
            g[1] = i;
            return i;
        }
        return FAIL;
    }

    /** {@link DatePatterns#PART_OF_YEAR} (any ASCII case): group which year ("the", "this", "next", "last"). */
    static MatchResult partOfYear(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        for (String lead : PART_OF_YEAR_LEADS) {
            if (at + lead.length() > to || !startsWithIgnoringAsciiCase(text, at, lead)) {
                continue;
            }
            int i = spacesThen(text, at + lead.length(), to, "the");
            if (i < 0) {
                continue;
            }
            int part = -1;
            for (String p : PARTS_OF_YEAR) {
                int s = skipSpaces(text, i, to);
                if (s > i && s + p.length() <= to && startsWithIgnoringAsciiCase(text, s, p)) {
                    part = s + p.length();
                    break;
                }
            }
            int of = part < 0 ? -1 : spacesThen(text, part, to, "of");
            if (of < 0) {
                continue;
            }
            int w = skipSpaces(text, of, to);
            if (w == of) {
                continue;
            }
            int which = startingAt(text, w, to, WHICH_YEAR, 0, WHICH_YEAR.length, true);
            int end = which < 0 ? -1 : spacesThen(text, w + WHICH_YEAR[which].length(), to, "year");
            if (end < 0) {
                continue;
            }
            int after = boundaryAt(text, end);
            if (after == UNKNOWN) {
                return Anchors.UNSURE;
            }
            if (after == YES) {
                return new Anchors.Scanned(text, new int[] {at, end, w, w + WHICH_YEAR[which].length()});
            }
        }
        return null;
    }

    /** After one or more regex {@code \s} from {@code i} and then {@code word} (any ASCII case), or -1. */
    private static int spacesThen(String text, int i, int to, String word) {
        int s = skipSpaces(text, i, to);
        return s > i && s + word.length() <= to && startsWithIgnoringAsciiCase(text, s, word) ? s + word.length()
                : -1;
    }

    /** {@link DatePatterns#RELATIVE_DAY}: group the word. */
    static MatchResult relativeDay(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int word = startingAt(text, at, to, RELATIVE_DAYS, 0, RELATIVE_DAYS.length, true);
        if (word < 0) {
            return null;
        }
        int end = at + RELATIVE_DAYS[word].length();
        int after = boundaryAt(text, end);
        if (after != YES) {
            return after == NO ? null : Anchors.UNSURE;
        }
        return new Anchors.Scanned(text, new int[] {at, end, at, end});
    }

    /**
     * {@link DatePatterns#TODAY_WITH_DATE} (case-insensitive throughout): groups lead, weekday, day, month, year. Each
     * choice in the order the regex backtracks, as {@link #dayMonth} but with no "of" and a ")" at the end.
     */
    static MatchResult todayWithDate(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        for (String lead : TODAY_LEADS) {
            int leadEnd = at + lead.length();
            if (leadEnd > to || !startsWithIgnoringAsciiCase(text, at, lead)) {
                continue;
            }
            int p = skipSpaces(text, leadEnd, to);
            if (p >= to || text.charAt(p) != '(') {
                continue;
            }
            int[] g = {at, -1, at, leadEnd, -1, -1, -1, -1, -1, -1, -1, -1};
            int q = p + 1;
            int weekday = startingAt(text, q, to, LOWER_WEEKDAYS, 0, LOWER_WEEKDAYS.length, true);
            if (weekday >= 0) {
                int w = q + LOWER_WEEKDAYS[weekday].length();
                g[4] = q;
                g[5] = w;
                if (w < to && text.charAt(w) == ',') {
                    int s = skipSpaces(text, w + 1, to);
                    if (s > w + 1 && bracketedDayMonth(text, s, to, g)) {
                        return new Anchors.Scanned(text, g);
                    }
                }
                int s = skipSpaces(text, w, to);
                if (s > w && bracketedDayMonth(text, s, to, g)) {
                    return new Anchors.Scanned(text, g);
                }
                g[4] = -1;
                g[5] = -1;
            }
            if (bracketedDayMonth(text, q, to, g)) {
                return new Anchors.Scanned(text, g);
            }
        }
        return null;
    }

    /** {@code DAY\s+MONTH(?:,?\s+YEAR)?\)} from {@code i}, any ASCII case: groups 3-5 and the end. */
    private static boolean bracketedDayMonth(String text, int i, int to, int[] g) {
        return dayThen(text, i, to, g, 6, true, DateScanners::spacedBracketedMonth);
    }

    /** {@code \s+MONTH(?:,?\s+YEAR)?\)} from {@code i}. */
    private static boolean spacedBracketedMonth(String text, int i, int to, int[] g) {
        int m = skipSpaces(text, i, to);
        return m > i && bracketedMonth(text, m, to, g);
    }

    private static boolean bracketedMonth(String text, int i, int to, int[] g) {
        for (int month = 0; month < LOWER_MONTHS.length; month++) {
            String name = LOWER_MONTHS[month];
            if (i + name.length() > to || !startsWithIgnoringAsciiCase(text, i, name)) {
                continue;
            }
            int end = i + name.length();
            g[8] = i;
            g[9] = end;
            if (month >= FIRST_ABBREVIATION && end < to && text.charAt(end) == '.'
                    && bracketedYear(text, end + 1, to, g)) {
                return true;
            }
            if (bracketedYear(text, end, to, g)) {
                return true;
            }
        }
        g[8] = -1;
        g[9] = -1;
        return false;
    }

    /** {@code (?:,?\s+YEAR)?\)} from {@code i}. */
    private static boolean bracketedYear(String text, int i, int to, int[] g) {
        for (int y : new int[] {i < to && text.charAt(i) == ',' ? i + 1 : -1, i}) {
            if (y < 0) {
                continue;
            }
            int s = skipSpaces(text, y, to);
            if (s > y && isYearAt(text, s, to) && s + 4 < to && text.charAt(s + 4) == ')') {
                g[10] = s;
                g[11] = s + 4;
                g[1] = s + 5;
                return true;
            }
        }
        if (i < to && text.charAt(i) == ')') {
            g[10] = -1;
            g[11] = -1;
            g[1] = i + 1;
            return true;
        }
        return false;
    }

    private static boolean isOrdinalIgnoringCaseAt(String text, int i, int to) {
        return i + 2 <= to && (startsWithIgnoringAsciiCase(text, i, "st") || startsWithIgnoringAsciiCase(text, i, "nd")
                || startsWithIgnoringAsciiCase(text, i, "rd") || startsWithIgnoringAsciiCase(text, i, "th"));
    }

    /** {@link DatePatterns#ISO_DATE}: groups year, month, day. */
    static MatchResult isoDate(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        int end = at + 10;
        if (!(isYearAt(text, at, to) && end <= to && text.charAt(at + 4) == '-' && allDigits(text, at + 5, at + 7)
                && text.charAt(at + 7) == '-' && allDigits(text, at + 8, end))) {
            return null;
        }
        int after = boundaryAt(text, end);
        if (after != YES) {
            return after == NO ? null : Anchors.UNSURE;
        }
        return new Anchors.Scanned(text, new int[] {at, end, at, at + 4, at + 5, at + 7, at + 8, end});
    }

    /** {@link DatePatterns#NUMERIC_DATE}: groups day, month, year (two digits before one at each). */
    static MatchResult numericDate(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        for (int dayDigits = 2; dayDigits >= 1; dayDigits--) {
            int slash = at + dayDigits;
            if (slash >= to || !allDigits(text, at, slash) || text.charAt(slash) != '/') {
                continue;
            }
            for (int monthDigits = 2; monthDigits >= 1; monthDigits--) {
                int secondSlash = slash + 1 + monthDigits;
                if (secondSlash >= to || !allDigits(text, slash + 1, secondSlash) || text.charAt(secondSlash) != '/'
                        || !isYearAt(text, secondSlash + 1, to)) {
                    continue;
                }
                int end = secondSlash + 5;
                int after = boundaryAt(text, end);
                if (after == UNKNOWN) {
                    return Anchors.UNSURE;
                }
                if (after == YES) {
                    return new Anchors.Scanned(text, new int[] {at, end, at, slash, slash + 1, secondSlash,
                        secondSlash + 1, end});
                }
            }
        }
        return null;
    }

    /** {@link DatePatterns#AGO}: groups count, unit; each alternative in order, as the regex backtracks. */
    static MatchResult ago(String text, int at, int to) {
        int boundary = boundaryAt(text, at);
        if (boundary != YES) {
            return boundary == NO ? null : Anchors.UNSURE;
        }
        // The count's alternatives: the words, then one or two digits (two first).
        for (int c = 0; c < AGO_COUNTS.length + 2; c++) {
            int countEnd;
            if (c < AGO_COUNTS.length) {
                String count = AGO_COUNTS[c];
                if (at + count.length() > to || !startsWithIgnoringAsciiCase(text, at, count)) {
                    continue;
                }
                countEnd = at + count.length();
            } else {
                countEnd = at + (c == AGO_COUNTS.length ? 2 : 1);
                if (countEnd > to || !allDigits(text, at, countEnd)) {
                    continue;
                }
            }
            int u = skipSpaces(text, countEnd, to);
            if (u == countEnd) {
                continue;
            }
            for (String unit : AGO_UNITS) {
                int unitEnd = u + unit.length();
                if (unitEnd > to || !startsWithIgnoringAsciiCase(text, u, unit)) {
                    continue;
                }
                int a = skipSpaces(text, unitEnd, to);
                if (a == unitEnd || a + 3 > to || !startsWithIgnoringAsciiCase(text, a, "ago")) {
                    continue;
                }
                int after = boundaryAt(text, a + 3);
                if (after == UNKNOWN) {
                    return Anchors.UNSURE;
                }
                if (after == YES) {
                    return new Anchors.Scanned(text, new int[] {at, a + 3, at, countEnd, u, unitEnd});
                }
            }
        }
        return null;
    }

    /** {@link DatePatterns#RELATIVE_PERIOD}: groups shift ("earlier"/"later"), which, unit. */
    static MatchResult relativePeriod(String text, int at, int to) {
        return afterOptionalLead(text, at, to, PERIOD_SHIFTS, DateScanners::periodFrom);
    }

    private static MatchResult periodFrom(String text, int at, int i, int to, int shiftEnd) {
        int which = startingAt(text, i, to, PERIOD_WHICH, 0, PERIOD_WHICH.length, true);
        if (which < 0) {
            return null;
        }
        int whichEnd = i + PERIOD_WHICH[which].length();
        int u = skipSpaces(text, whichEnd, to);
        if (u == whichEnd) {
            return null;
        }
        int unit = startingAt(text, u, to, PERIOD_UNITS, 0, PERIOD_UNITS.length, true);
        if (unit < 0) {
            return null;
        }
        int end = u + PERIOD_UNITS[unit].length();
        int after = boundaryAt(text, end);
        if (after == UNKNOWN) {
            return Anchors.UNSURE;
        }
        if (after == NO) {
            return null;
        }
        return new Anchors.Scanned(text, new int[] {at, end, shiftEnd < 0 ? -1 : at, shiftEnd, i, whichEnd, u, end});
    }

    /**
     * The first of {@code words[from, to)} that {@code text} has at {@code at} within the region (in ASCII case when
     * {@code ignoreCase}), or -1: only for lists in which no word is the start of another.
     */
    private static int startingAt(String text, int at, int regionEnd, String[] words, int from, int to,
            boolean ignoreCase) {
        for (int w = from; w < to; w++) {
            String word = words[w];
            if (at + word.length() <= regionEnd && (ignoreCase ? startsWithIgnoringAsciiCase(text, at, word)
                    : text.startsWith(word, at))) {
                return w;
            }
        }
        return -1;
    }

    /** Regex {@code [\w-]} at {@code i} (a lookahead: it may read past the region). */
    private static boolean isWordOrHyphen(String text, int i) {
        return i < text.length() && (isAsciiWordChar(text.charAt(i)) || text.charAt(i) == '-');
    }

    /** Regex {@code \s*\d} at {@code i} (a lookahead: it may read past the region). */
    private static boolean isDigitAfterSpaces(String text, int i) {
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && isDigit(text.charAt(i));
    }

    /** {@link DatePatterns#YEAR} at {@code i}: 18xx, 19xx or 20xx. */
    private static boolean isYearAt(String text, int i, int to) {
        if (i + 4 > to || !allDigits(text, i, i + 4)) {
            return false;
        }
        char c0 = text.charAt(i);
        char c1 = text.charAt(i + 1);
        return c0 == '1' && (c1 == '8' || c1 == '9') || c0 == '2' && c1 == '0';
    }

    private static boolean isOrdinalAt(String text, int i, int to) {
        return i + 2 <= to && (text.startsWith("st", i) || text.startsWith("nd", i) || text.startsWith("rd", i)
                || text.startsWith("th", i));
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
