package dev.statecraft.parser.dates;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The date expressions the parser reads, compiled once. */
final class DatePatterns {
    /** A month; a full stop after it belongs to an abbreviation ("Sept."), never to a full name ("12 June."). */
    static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
            + "|Oct|Nov|Dec)\\.)?";
    static final String FULL_MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December)";
    static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    static final String YEAR = "((?:1[89]|20)\\d{2})";

    /** "today (Tuesday 18 March)", "out today (28 December 2016)". */
    static final Pattern TODAY_WITH_DATE = Pattern.compile("\\b(today|yesterday|tomorrow|tonight|this morning"
            + "|this afternoon|this evening)\\s*\\((?:" + WEEKDAY + ",?\\s+)?" + DAY + "\\s+" + MONTH
            + "(?:,?\\s+" + YEAR + ")?\\)", Pattern.CASE_INSENSITIVE);
    /** "6-8 July 2005", "6 to 8 July". */
    static final Pattern DAY_RANGE = Pattern.compile("\\b" + DAY + "\\s*(?:-|–|to)\\s*" + DAY + "\\s+" + MONTH
            + "(?:,?\\s+" + YEAR + ")?\\b");
    /** "Tuesday 18 March 2025", "19 May", "30th of July". */
    static final Pattern DAY_MONTH = Pattern.compile("\\b(?:" + WEEKDAY + ",?\\s+)?" + DAY + "\\s+(?:of\\s+)?"
            + MONTH + "(?:,?\\s+" + YEAR + ")?(?![\\w-])");
    /** "July 8, 2005", "March 18". */
    static final Pattern MONTH_DAY = Pattern.compile("\\b(?:" + WEEKDAY + ",?\\s+)?" + FULL_MONTH + "\\s+" + DAY
            + "(?:,?\\s+" + YEAR + ")?(?![\\w-])");
    static final Pattern ISO_DATE = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");
    static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/" + YEAR + "\\b");
    /** "February 2022". */
    static final Pattern MONTH_YEAR = Pattern.compile("\\b" + FULL_MONTH + ",?\\s+" + YEAR + "\\b");
    /** "in February", "since March", "last June": a month needs a lead word, or "May" would be a verb. */
    static final Pattern LED_MONTH = Pattern.compile("\\b(?i:(in|since|from|until|till|by|during|before|after"
            + "|throughout|early|late|mid|end of|start of|beginning of|this|last|next|of|since early"
            + "|since late|in early|in late|in mid))[\\s-]+" + FULL_MONTH + "\\b(?!\\s*\\d)");
    /** "on Thursday", "last Friday": a weekday with no date after it (dated ones are read before). */
    static final Pattern LONE_WEEKDAY = Pattern.compile("(?<!Good )(?<!Black )\\b(?:(?i:(last|next|this))\\s+)?" + WEEKDAY
            + "\\b(?!,?\\s*(?:\\d|the\\s+\\d))(?!\\s+(?:of\\s+)?" + MONTH + ")");
    static final Set<String> WEEKDAY_START = Set.of("last", "next", "this", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday");
    static final Pattern RELATIVE_DAY = Pattern.compile("\\b(today|yesterday|tomorrow|tonight)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "later this year", "last month", "next week", "earlier this month". */
    static final Pattern RELATIVE_PERIOD = Pattern.compile("\\b(?:(earlier|later)\\s+)?(this|last|next|the coming"
            + "|the past)\\s+(week|month|year)\\b", Pattern.CASE_INSENSITIVE);
    /** "at the start of the year", "by the end of this year". */
    static final Pattern PART_OF_YEAR = Pattern.compile("\\b(?:at|by|towards?|before)\\s+the\\s+(?:start|beginning"
            + "|end|turn)\\s+of\\s+(the|this|next|last)\\s+year\\b", Pattern.CASE_INSENSITIVE);
    /** "three years ago", "2 weeks ago". */
    static final Pattern AGO = Pattern.compile("\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})"
            + "\\s+(day|days|week|weeks|month|months|year|years)\\s+ago\\b", Pattern.CASE_INSENSITIVE);
    /** "in 2017", "since 2014". */
    static final Pattern LED_YEAR = Pattern.compile("\\b(?:in|since|from|until|by|during|before|after|throughout"
            + "|early|late|mid|end of|start of|of)[\\s-]+" + YEAR + "\\b(?![-/–]\\d)", Pattern.CASE_INSENSITIVE);

    /** Words a date expression can start with (lower case); digit runs are anchors too. */
    static final Set<String> ANCHOR_WORDS = Set.of("today", "yesterday", "tomorrow", "tonight", "this", "last",
            "next", "earlier", "later", "the", "at", "by", "toward", "towards", "before", "in", "since", "from",
            "until", "till", "during", "after", "throughout", "early", "late", "mid", "end", "start", "beginning",
            "of", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "a", "an", "one",
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

    /**
     * Start words (see {@code Anchors.matchAt}) of patterns that can only begin with a number ("6-8 July", ISO,
     * 18/03/2025: {@link #NUMBER}), a weekday or a number ("Tuesday 18 March", "19 May"), a weekday or a full
     * month ("Tuesday, March 18"), or a full month ("February 2022": {@link #FULL_MONTH_WORDS}): anchors at other
     * words cannot match, so they are not tried.
     */
    static final Set<String> WEEKDAY_OR_NUMBER_START = Set.of("0", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday");
    static final Set<String> WEEKDAY_OR_FULL_MONTH_START = Set.of("january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");
    /** What must follow a lead word (see {@code Anchors.matchAt}): a full month name, or a number. */
    static final Set<String> FULL_MONTH_WORDS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    static final Set<String> NUMBER = Set.of("0");
    static final Set<String> TODAY_START = Set.of("today", "yesterday", "tomorrow", "tonight", "this");
    static final Set<String> RELATIVE_DAY_START = Set.of("today", "yesterday", "tomorrow", "tonight");
    static final Set<String> PERIOD_START_BUT_THE = Set.of("earlier", "later", "this", "last", "next");
    /** "last"/"next"/"this" start a weekday expression only right before a weekday. */
    static final Set<String> WEEKDAY_LEAD = Set.of("last", "next", "this");
    static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");
    /** "at/by/before the start of …": the next word is "the". */
    static final Set<String> THE = Set.of("the");
    static final Set<String> PERIOD_START = Set.of("earlier", "later", "this", "last", "next", "the");
    static final Set<String> PART_OF_YEAR_START = Set.of("at", "by", "toward", "towards", "before");
    static final Set<String> AGO_START = Set.of("0", "a", "an", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");
    static final Set<String> LEAD_START = Set.of("in", "since", "from", "until", "till", "by", "during", "before",
            "after", "throughout", "early", "late", "mid", "end", "start", "beginning", "this", "last", "next", "of");
    /** Every start, lead and next word set above, for the anchor vocabulary to work out once (Anchors.Vocabulary). */
    static final List<Set<String>> MATCH_SETS = List.of(WEEKDAY_START, WEEKDAY_OR_NUMBER_START,
            WEEKDAY_OR_FULL_MONTH_START, FULL_MONTH_WORDS, NUMBER, TODAY_START, RELATIVE_DAY_START, PERIOD_START_BUT_THE,
            WEEKDAY_LEAD, WEEKDAYS, THE, PERIOD_START, PART_OF_YEAR_START, AGO_START, LEAD_START);

    /*
     * Start tests (see Anchors.StartTest): what every match of a pattern has right after its anchor, checked in
     * place before the pattern is tried. Each only rules out anchors where the pattern cannot match.
     */

    /** {@link #DAY_RANGE} at a number: the day, maybe an ordinal, spaces, then "-", "–" or "to". */
    static boolean dayRangeMayStartAt(String text, int at) {
        for (int end : dayEnds(text, at)) {
            int i = skipSpaces(text, end);
            if (end >= 0 && i < text.length()
                    && (text.charAt(i) == '-' || text.charAt(i) == '–' || text.startsWith("to", i))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #DAY_MONTH} at a number: the day, maybe an ordinal, a space, maybe "of ", then a month's capital. */
    static boolean dayMonthMayStartAt(String text, int at) {
        if (!isAsciiDigit(text.charAt(at))) {
            return true; // a weekday first: not tested
        }
        for (int end : dayEnds(text, at)) {
            int i = skipSpaces(text, end);
            if (end < 0 || i == end) {
                continue;
            }
            if (text.startsWith("of", i)) {
                int afterOf = skipSpaces(text, i + 2);
                if (afterOf > i + 2 && isMonthInitial(text, afterOf)) {
                    return true;
                }
            }
            if (isMonthInitial(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #ISO_DATE} at a number: a dash after the four-digit year. */
    static boolean isoDateMayStartAt(String text, int at) {
        return at + 4 < text.length() && text.charAt(at + 4) == '-';
    }

    /** {@link #NUMERIC_DATE} at a number: a slash after one or two digits. */
    static boolean numericDateMayStartAt(String text, int at) {
        return at + 1 < text.length() && text.charAt(at + 1) == '/'
                || at + 2 < text.length() && text.charAt(at + 2) == '/';
    }

    /**
     * {@link #RELATIVE_PERIOD} at a lead word: "earlier"/"later" and a space, then "this", "last" or "next", or
     * "the" and "coming"/"past", then a space and "week", "month" or "year" (each word whole, in any ASCII case).
     */
    static boolean relativePeriodMayStartAt(String text, int at) {
        int end = asciiWordEnd(text, at);
        if (isWord(text, at, end, "earlier") || isWord(text, at, end, "later")) {
            at = skipSpaces(text, end);
            if (at == end) {
                return false;
            }
            end = asciiWordEnd(text, at);
        }
        if (isWord(text, at, end, "the")) {
            at = skipSpaces(text, end);
            if (at == end) {
                return false;
            }
            end = asciiWordEnd(text, at);
            if (!isWord(text, at, end, "coming") && !isWord(text, at, end, "past")) {
                return false;
            }
        } else if (!isWord(text, at, end, "this") && !isWord(text, at, end, "last") && !isWord(text, at, end, "next")) {
            return false;
        }
        at = skipSpaces(text, end);
        if (at == end) {
            return false;
        }
        end = asciiWordEnd(text, at);
        return isWord(text, at, end, "week") || isWord(text, at, end, "month") || isWord(text, at, end, "year");
    }

    /**
     * {@link #LED_MONTH} at a lead word: after it, or after it and one more word ("end of", "in early"), and a run
     * of spaces or hyphens, the capital of a month.
     */
    static boolean ledMonthMayStartAt(String text, int at) {
        return ledMayStartAt(text, at, true);
    }

    /** {@link #LED_YEAR} at a lead word: as {@link #ledMonthMayStartAt}, with the year's first digit, 1 or 2. */
    static boolean ledYearMayStartAt(String text, int at) {
        return ledMayStartAt(text, at, false);
    }

    private static boolean ledMayStartAt(String text, int at, boolean month) {
        int end = asciiWordEnd(text, at);
        int i = skipSpacesAndHyphens(text, end);
        if (end == at || i == end) {
            return false;
        }
        if (ledTargetAt(text, i, month)) {
            return true;
        }
        int secondEnd = asciiWordEnd(text, i);
        int j = skipSpacesAndHyphens(text, secondEnd);
        return secondEnd > i && j > secondEnd && ledTargetAt(text, j, month);
    }

    private static boolean ledTargetAt(String text, int i, boolean month) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return month ? "JFMASOND".indexOf(c) >= 0 : c == '1' || c == '2';
    }

    /** After a run of regex {@code [\\s-]} chars from {@code i}. */
    private static int skipSpacesAndHyphens(String text, int i) {
        while (i < text.length() && (" \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0 || text.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    /** End of the run of ASCII letters from {@code at}. */
    private static int asciiWordEnd(String text, int at) {
        int i = at;
        while (i < text.length() && ((text.charAt(i) | 0x20) >= 'a' && (text.charAt(i) | 0x20) <= 'z')) {
            i++;
        }
        return i;
    }

    /** Whether {@code text[start, end)} is the lower-case {@code word} in any ASCII case. */
    private static boolean isWord(String text, int start, int end, String word) {
        return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
    }

    /**
     * Where {@link #DAY} can end when read at {@code at}: after one or two ASCII digits, each with or without an
     * ordinal; -1 for none.
     */
    private static int[] dayEnds(String text, int at) {
        int[] ends = {-1, -1, -1, -1};
        for (int digits = 1; digits <= 2; digits++) {
            int end = at + digits;
            if (end > text.length() || !isAsciiDigit(text.charAt(end - 1))) {
                break;
            }
            ends[2 * digits - 2] = end;
            if (text.startsWith("st", end) || text.startsWith("nd", end) || text.startsWith("rd", end)
                    || text.startsWith("th", end)) {
                ends[2 * digits - 1] = end + 2;
            }
        }
        return ends;
    }

    /** After a run of regex {@code \s} chars from {@code i}. */
    private static int skipSpaces(String text, int i) {
        if (i < 0) {
            return i;
        }
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isMonthInitial(String text, int i) {
        return i < text.length() && "JFMASOND".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private DatePatterns() {
    }
}
