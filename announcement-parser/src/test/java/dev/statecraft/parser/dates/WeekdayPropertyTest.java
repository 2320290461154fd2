package dev.statecraft.parser.dates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.dates.WeekdayReference.Direction;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of bare-weekday resolution ("on Thursday") over many random publication dates. */
class WeekdayPropertyTest {
    private static final Random RANDOM = new Random(20250609);

    @Test
    void aWeekdayResolvesToThatDayWithinAWeekInItsDirection() {
        for (int i = 0; i < 2000; i++) {
            LocalDate reference = LocalDate.ofEpochDay(RANDOM.nextInt(-20_000, 40_000));
            DayOfWeek weekday = DayOfWeek.of(RANDOM.nextInt(1, 8));

            LocalDate forward = WeekdayReference.resolve(weekday, Direction.FORWARD, reference);
            LocalDate backward = WeekdayReference.resolve(weekday, Direction.BACKWARD, reference);
            LocalDate nearest = WeekdayReference.resolve(weekday, Direction.NEAREST, reference);
            LocalDate next = WeekdayReference.resolveLed(weekday, true, reference);
            LocalDate last = WeekdayReference.resolveLed(weekday, false, reference);

            for (LocalDate d : new LocalDate[] {forward, backward, nearest, next, last}) {
                assertThat(d.getDayOfWeek()).isEqualTo(weekday);
            }
            assertThat(days(reference, forward)).isBetween(0L, 6L);
            assertThat(days(reference, backward)).isBetween(-6L, 0L);
            assertThat(Math.abs(days(reference, nearest))).isLessThanOrEqualTo(3L);
            assertThat(days(reference, next)).isBetween(1L, 7L);
            assertThat(days(reference, last)).isBetween(-7L, -1L);
            if (weekday == reference.getDayOfWeek()) {
                assertThat(forward).isEqualTo(reference);
                assertThat(backward).isEqualTo(reference);
                assertThat(nearest).isEqualTo(reference);
            }
        }
    }

    @Test
    void theTenseOfTheSentenceSetsTheDirection() {
        assertThat(WeekdayReference.directionAt("The minister will travel to Warsaw on Wednesday.", 38, 47))
                .isEqualTo(Direction.FORWARD);
        assertThat(WeekdayReference.directionAt("Earlier news. The leaders met in Rome on Tuesday. Next.", 41, 48))
                .isEqualTo(Direction.BACKWARD);
        assertThat(WeekdayReference.directionAt("Talks on Friday.", 9, 15)).isEqualTo(Direction.NEAREST);
    }

    private static long days(LocalDate from, LocalDate to) {
        return to.toEpochDay() - from.toEpochDay();
    }
}
