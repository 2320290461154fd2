package dev.statecraft.parser.dates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Year resolution for dates written without a year, and month/weekday names. Pure functions.
 */
public final class Calendar {
    /** How far (in years) to look for a year in which a day and month fall on a given weekday. */
    private static final int WEEKDAY_SEARCH_YEARS = 40;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    private Calendar() {
    }

    public static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).replace(".", ""), 0);
    }

    public static DayOfWeek weekday(String name) {
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The occurrence of day/month nearest to {@code reference} (the year before, of, or after it). */
    public static Optional<LocalDate> nearestOccurrence(int month, int day, LocalDate reference) {
        LocalDate best = null;
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year++) {
            Optional<LocalDate> candidate = date(year, month, day);
            if (candidate.isPresent() && (best == null || distance(candidate.get(), reference)
                    < distance(best, reference))) {
                best = candidate.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The date with this day and month that falls on {@code weekday}, nearest to {@code reference}; with
     * {@code notAfter} it must not be later than the reference (a publication date never follows ingestion).
     */
    public static Optional<LocalDate> nearestWithWeekday(int month, int day, DayOfWeek weekday, LocalDate reference,
            boolean notAfter) {
        LocalDate best = null;
        for (int offset = -WEEKDAY_SEARCH_YEARS; offset <= WEEKDAY_SEARCH_YEARS; offset++) {
            Optional<LocalDate> candidate = date(reference.getYear() + offset, month, day);
            if (candidate.isEmpty() || candidate.get().getDayOfWeek() != weekday
                    || (notAfter && candidate.get().isAfter(reference))) {
                continue;
            }
            if (best == null || distance(candidate.get(), reference) < distance(best, reference)) {
                best = candidate.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The month of that name nearest to the reference month; a tie keeps the reference year. */
    public static YearMonth nearestMonth(int month, LocalDate reference) {
        YearMonth ref = YearMonth.from(reference);
        YearMonth best = YearMonth.of(reference.getYear(), month);
        for (int year = reference.getYear() - 1; year <= reference.getYear() + 1; year += 2) {
            YearMonth candidate = YearMonth.of(year, month);
            if (Math.abs(ChronoUnit.MONTHS.between(ref, candidate)) < Math.abs(ChronoUnit.MONTHS.between(ref, best))) {
                best = candidate;
            }
        }
        return best;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
