package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of year resolution, checked against brute force over many random reference dates. */
class CalendarPropertyTest {
    private static final Random RANDOM = new Random(20250318);

    @Test
    void weekdayAndDayResolveToTheNearestMatchingYearNotAfterTheReference() {
        for (int i = 0; i < 1000; i++) {
            weekdayAndDayResolve();
        }
    }

    private void weekdayAndDayResolve() {
        LocalDate reference = LocalDate.ofEpochDay(RANDOM.nextInt(-20_000, 40_000));
        LocalDate target = reference.minusDays(RANDOM.nextInt(0, 3_000));
        DayOfWeek weekday = target.getDayOfWeek();

        Optional<LocalDate> resolved = Calendar.nearestWithWeekday(target.getMonthValue(), target.getDayOfMonth(),
                weekday, reference, true);

        assertThat(resolved).isPresent();
        LocalDate date = resolved.get();
        assertThat(date.getDayOfWeek()).isEqualTo(weekday);
        assertThat(date.getMonthValue()).isEqualTo(target.getMonthValue());
        assertThat(date.getDayOfMonth()).isEqualTo(target.getDayOfMonth());
        assertThat(date).isBeforeOrEqualTo(reference);
        // Brute force: no year closer to the reference qualifies.
        for (LocalDate d = date.plusYears(1); !d.isAfter(reference); d = d.plusYears(1)) {
            if (d.getDayOfMonth() == target.getDayOfMonth()) {
                assertThat(d.getDayOfWeek()).isNotEqualTo(weekday);
            }
        }
    }

    @Test
    void todayWithWeekdayInTheTextFixesThePublicationYear() {
        for (int i = 0; i < 500; i++) {
            todayWithWeekdayFixesTheYear();
        }
    }

    private void todayWithWeekdayFixesTheYear() {
        LocalDate published = LocalDate.ofEpochDay(RANDOM.nextInt(0, 20_000));
        LocalDate ingested = published.plusDays(RANDOM.nextInt(0, 300));
        String day = published.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
        String month = published.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
        String text = "The minister arrives in London today (" + day + " " + published.getDayOfMonth() + " " + month
                + ") for talks.";

        PublicationDate date = PublicationDate.of(null, null, null,
                dev.statecraft.parser.text.PlainTextReader.read(text).body(),
                ingested.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());

        assertThat(date.date()).isEqualTo(published);
        assertThat(date.inferred()).isTrue();
    }

    @Test
    void aDayAndMonthResolveWithinHalfAYearOfTheReference() {
        for (int i = 0; i < 1000; i++) {
            LocalDate reference = LocalDate.ofEpochDay(RANDOM.nextInt(0, 30_000));
            int month = RANDOM.nextInt(1, 13);
            int day = RANDOM.nextInt(1, 29);
            LocalDate date = Calendar.nearestOccurrence(month, day, reference).orElseThrow();
            assertThat(Math.abs(ChronoUnit.DAYS.between(reference, date))).isLessThanOrEqualTo(184);
        }
    }

    @Test
    void leapDaysOnlyResolveToLeapYears() {
        assertThat(Calendar.nearestOccurrence(2, 29, LocalDate.of(2025, 3, 1))).contains(LocalDate.of(2024, 2, 29));
        assertThat(Calendar.nearestWithWeekday(2, 29, DayOfWeek.THURSDAY, LocalDate.of(2025, 3, 1), true))
                .contains(LocalDate.of(2024, 2, 29));
    }
}
