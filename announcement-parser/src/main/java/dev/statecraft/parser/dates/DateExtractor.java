package dev.statecraft.parser.dates;

import dev.statecraft.model.DateMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Span;
import dev.statecraft.parser.text.Anchors;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds absolute and relative date expressions and resolves them against the publication date. Longer,
 * more specific expressions are tried first; a span once claimed is not read again.
 */
public final class DateExtractor {
    /** Number words by value; "a"/"an" count as one. */
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10));

    private DateExtractor() {
    }

    /** One resolved expression at [start, end). */
    record Found(int start, int end, String date, Precision precision) {
    }

    /** Words a date expression can start with (lower case), for {@link Anchors#find}; numbers count too. */
    public static final Set<String> ANCHOR_WORDS = DatePatterns.ANCHOR_WORDS;
    /** The word sets this extractor passes to {@link Anchors#matchAt}, for {@link Anchors.Vocabulary}. */
    public static final List<Set<String>> MATCH_SETS = DatePatterns.MATCH_SETS;

    /** @param anchors the text's anchors, found with at least {@link #ANCHOR_WORDS} and digits */
    public static List<DateMention> extract(String text, LocalDate reference, Anchors anchors) {
        List<Found> found = new ArrayList<>();
        BitSet claimed = new BitSet(text.length());
        // A pattern whose required word or sign is nowhere in the text is not tried at all.
        boolean periodUnit = anchors.mayContain("week") || anchors.mayContain("month") || anchors.mayContain("year");
        if (text.indexOf('(') >= 0) {
            // "this" starts one only as "this morning/afternoon/evening".
            boolean thisPart = anchors.mayContain("this morning") || anchors.mayContain("this afternoon")
                    || anchors.mayContain("this evening");
            scan(text, anchors, DatePatterns.TODAY_WITH_DATE, DateScanners::todayWithDate,
                    thisPart ? DatePatterns.TODAY_START : DatePatterns.RELATIVE_DAY_START, null, null, null, claimed,
                    found, m -> todayWithDate(m, reference));
        }
        scan(text, anchors, DatePatterns.DAY_RANGE, DateScanners::dayRange, DatePatterns.NUMBER, null, null,
                DatePatterns::dayRangeMayStartAt, claimed, found,
                m -> dayMonth(m.group(1), m.group(3), m.group(4), null, reference).map(d -> day(m, d)));
        scan(text, anchors, DatePatterns.DAY_MONTH, DateScanners::dayMonth, DatePatterns.WEEKDAY_OR_NUMBER_START,
                null, null, DatePatterns::dayMonthMayStartAt, claimed, found,
                m -> dayMonth(m.group(2), m.group(3), m.group(4), m.group(1), reference).map(d -> day(m, d)));
        scan(text, anchors, DatePatterns.MONTH_DAY, DateScanners::monthDay, DatePatterns.WEEKDAY_OR_FULL_MONTH_START,
                null, null, null, claimed, found,
                m -> dayMonth(m.group(3), m.group(2), m.group(4), m.group(1), reference).map(d -> day(m, d)));
        if (text.indexOf('-') >= 0) {
            scan(text, anchors, DatePatterns.ISO_DATE, DateScanners::isoDate, DatePatterns.NUMBER, null, null,
                    DatePatterns::isoDateMayStartAt, claimed, found,
                    m -> Calendar.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))).map(d -> day(m, d)));
        }
        if (text.indexOf('/') >= 0) {
            scan(text, anchors, DatePatterns.NUMERIC_DATE, DateScanners::numericDate, DatePatterns.NUMBER, null, null,
                    DatePatterns::numericDateMayStartAt, claimed, found,
                    m -> Calendar.date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1))).map(d -> day(m, d)));
        }
        scan(text, anchors, DatePatterns.MONTH_YEAR, DateScanners::monthYear, DatePatterns.FULL_MONTH_WORDS, null,
                null, null, claimed, found,
                m -> Optional.of(new Found(m.start(), m.end(), YearMonth.of(Integer.parseInt(m.group(2)),
                        Calendar.month(m.group(1))).toString(), Precision.MONTH)));
        if (anchors.mayContain("year")) {
            scan(text, anchors, DatePatterns.PART_OF_YEAR, DateScanners::partOfYear, DatePatterns.PART_OF_YEAR_START,
                    null, DatePatterns.THE, null, claimed, found,
                    m -> Optional.of(new Found(m.start(), m.end(),
                            String.valueOf(reference.getYear() + yearShift(m.group(1))), Precision.YEAR)));
        }
        if (anchors.mayContain("ago")) {
            scan(text, anchors, DatePatterns.AGO, DateScanners::ago, DatePatterns.AGO_START, null, null, null, claimed,
                    found,
                    m -> Optional.of(ago(m, reference)));
        }
        if (periodUnit) {
            // "the" starts one only as "the coming" or "the past".
            boolean the = anchors.mayContain("the coming") || anchors.mayContain("the past");
            scan(text, anchors, DatePatterns.RELATIVE_PERIOD, DateScanners::relativePeriod,
                    the ? DatePatterns.PERIOD_START : DatePatterns.PERIOD_START_BUT_THE, null, null,
                    DatePatterns::relativePeriodMayStartAt, claimed, found, m -> relativePeriod(m, reference));
        }
        scan(text, anchors, DatePatterns.LED_MONTH, DateScanners::ledMonth, DatePatterns.LEAD_START, null,
                DatePatterns.FULL_MONTH_WORDS, DatePatterns::ledMonthMayStartAt, claimed, found,
                m -> Optional.of(new Found(m.start(2), m.end(),
                        ledMonth(m.group(1), Calendar.month(m.group(2)), reference).toString(), Precision.MONTH)));
        scan(text, anchors, DatePatterns.LED_YEAR, DateScanners::ledYear, DatePatterns.LEAD_START, null,
                DatePatterns.NUMBER, DatePatterns::ledYearMayStartAt, claimed, found,
                m -> Optional.of(new Found(m.start(1), m.end(), m.group(1), Precision.YEAR)));
        scan(text, anchors, DatePatterns.LONE_WEEKDAY, DateScanners::loneWeekday, DatePatterns.WEEKDAY_START,
                DatePatterns.WEEKDAY_LEAD, DatePatterns.WEEKDAYS, null, claimed, found,
                m -> Optional.of(new Found(m.start(), m.end(), loneWeekday(text, m, reference).toString(),
                        Precision.DAY)));
        scan(text, anchors, DatePatterns.RELATIVE_DAY, DateScanners::relativeDay, DatePatterns.RELATIVE_DAY_START,
                null, null, null, claimed, found,
                m -> Optional.of(new Found(m.start(), m.end(), reference.plusDays(dayShift(m.group(1))).toString(),
                        Precision.DAY)));
        found.sort(Comparator.comparingInt(Found::start));

        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, DateMention> first = new LinkedHashMap<>();
        for (Found f : found) {
            String mentionText = text.substring(f.start(), f.end());
            String key = f.date() + '|' + f.precision() + '|' + mentionText;
            spans.computeIfAbsent(key, k -> new ArrayList<>()).add(new Span(f.start(), f.end()));
            if (!first.containsKey(key)) { // the about phrase of the first mention only
                first.put(key, new DateMention(f.date(), f.precision(), mentionText,
                        AboutPhrase.before(text, f.start()), List.of()));
            }
        }
        List<DateMention> mentions = new ArrayList<>();
        first.forEach((key, m) -> mentions.add(new DateMention(m.date(), m.precision(), m.text(), m.about(),
                spans.get(key))));
        return mentions;
    }

    private interface Resolver {
        Optional<Found> resolve(MatchResult m);
    }

    private static void scan(String text, Anchors anchors, Pattern pattern, Set<String> startWords,
            Set<String> nextWords, BitSet claimed, List<Found> out, Resolver resolver) {
        scan(text, anchors, pattern, startWords, null, nextWords, claimed, out, resolver);
    }

    /** As above, with {@code nextWords} required only after anchors in {@code leadWords} (see Anchors). */
    private static void scan(String text, Anchors anchors, Pattern pattern, Set<String> startWords,
            Set<String> leadWords, Set<String> nextWords, BitSet claimed, List<Found> out, Resolver resolver) {
        scan(text, anchors, pattern, startWords, leadWords, nextWords, null, claimed, out, resolver);
    }

    /** As above, trying the pattern only at anchors that pass {@code startTest} (see Anchors.StartTest). */
    private static void scan(String text, Anchors anchors, Pattern pattern, Set<String> startWords,
            Set<String> leadWords, Set<String> nextWords, Anchors.StartTest startTest, BitSet claimed,
            List<Found> out, Resolver resolver) {
        scan(text, anchors, pattern, null, startWords, leadWords, nextWords, startTest, claimed, out, resolver);
    }

    /** As above, with {@code scanner} (see Anchors.Scanner) read in place of the pattern where it can tell. */
    private static void scan(String text, Anchors anchors, Pattern pattern, Anchors.Scanner scanner,
            Set<String> startWords, Set<String> leadWords, Set<String> nextWords, Anchors.StartTest startTest,
            BitSet claimed, List<Found> out, Resolver resolver) {
        anchors.matchAt(pattern, scanner, text, startWords, leadWords, nextWords, startTest, m -> {
            int next = claimed.nextSetBit(m.start());
            if (next >= 0 && next < m.end()) {
                return;
            }
            Optional<Found> f;
            try {
                f = resolver.resolve(m);
            } catch (RuntimeException e) {
                f = Optional.empty(); // a number that is no date ("31 February"): not a mention
            }
            if (f.isPresent()) {
                claimed.set(m.start(), m.end());
                out.add(f.get());
            }
        });
    }

    private static Found day(MatchResult m, LocalDate date) {
        return new Found(m.start(), m.end(), date.toString(), Precision.DAY);
    }

    private static Optional<Found> todayWithDate(MatchResult m, LocalDate reference) {
        Optional<LocalDate> date = dayMonth(m.group(3), m.group(4), m.group(5), m.group(2), reference);
        return date.map(d -> day(m, d));
    }

    /** Day and month with an optional year and weekday, resolved to the occurrence nearest the reference. */
    static Optional<LocalDate> dayMonth(String day, String monthName, String year, String weekday,
            LocalDate reference) {
        int month = Calendar.month(monthName);
        int d = Integer.parseInt(day);
        if (month == 0 || d < 1 || d > 31) {
            return Optional.empty();
        }
        if (year != null) {
            return Calendar.date(Integer.parseInt(year), month, d);
        }
        Optional<LocalDate> nearest = Calendar.nearestOccurrence(month, d, reference);
        if (weekday != null && nearest.isPresent()) {
            DayOfWeek wanted = Calendar.weekday(weekday);
            if (nearest.get().getDayOfWeek() != wanted) {
                Optional<LocalDate> byWeekday = Calendar.nearestWithWeekday(month, d, wanted, reference, false);
                if (byWeekday.isPresent() && Math.abs(byWeekday.get().getYear() - reference.getYear()) <= 1) {
                    return byWeekday;
                }
            }
        }
        return nearest;
    }

    private static LocalDate loneWeekday(String text, MatchResult m, LocalDate reference) {
        DayOfWeek weekday = Calendar.weekday(m.group(2));
        String lead = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
        if (lead.equals("next") || lead.equals("last")) {
            return WeekdayReference.resolveLed(weekday, lead.equals("next"), reference);
        }
        return WeekdayReference.resolve(weekday, WeekdayReference.directionAt(text, m.start(), m.end()), reference);
    }

    private static Optional<Found> relativePeriod(MatchResult m, LocalDate reference) {
        String which = m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (which) {
            case "last", "the past" -> -1;
            case "next", "the coming" -> 1;
            default -> 0;
        };
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        return Optional.of(switch (unit) {
            case "week" -> new Found(m.start(), m.end(), reference.plusWeeks(shift)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), Precision.DAY);
            case "month" -> new Found(m.start(), m.end(), YearMonth.from(reference).plusMonths(shift).toString(),
                    Precision.MONTH);
            default -> new Found(m.start(), m.end(), String.valueOf(reference.getYear() + shift), Precision.YEAR);
        });
    }

    /** "three years ago": as precise as its unit (days and weeks to the day). */
    private static Found ago(MatchResult m, LocalDate reference) {
        String count = m.group(1).toLowerCase(Locale.ROOT);
        int n = NUMBER_WORDS.containsKey(count) ? NUMBER_WORDS.get(count) : Integer.parseInt(count);
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("year")) {
            return new Found(m.start(), m.end(), String.valueOf(reference.getYear() - n), Precision.YEAR);
        }
        if (unit.startsWith("month")) {
            return new Found(m.start(), m.end(), YearMonth.from(reference).minusMonths(n).toString(), Precision.MONTH);
        }
        LocalDate date = unit.startsWith("week") ? reference.minusWeeks(n) : reference.minusDays(n);
        return new Found(m.start(), m.end(), date.toString(), Precision.DAY);
    }

    private static YearMonth ledMonth(String lead, int month, LocalDate reference) {
        YearMonth ref = YearMonth.from(reference);
        YearMonth sameYear = YearMonth.of(reference.getYear(), month);
        return switch (lead.toLowerCase(Locale.ROOT)) {
            case "last" -> sameYear.isBefore(ref) ? sameYear : sameYear.minusYears(1);
            case "next" -> sameYear.isAfter(ref) ? sameYear : sameYear.plusYears(1);
            case "this" -> sameYear;
            default -> Calendar.nearestMonth(month, reference);
        };
    }

    private static int yearShift(String which) {
        return switch (which.toLowerCase(Locale.ROOT)) {
            case "next" -> 1;
            case "last" -> -1;
            default -> 0;
        };
    }

    private static int dayShift(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "yesterday" -> -1;
            case "tomorrow" -> 1;
            default -> 0;
        };
    }
}
