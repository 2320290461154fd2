package dev.statecraft.notify.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestPeriodsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void dailyPeriodEndsAtTheLocalHour() {
        // 2025-03-18 08:30 in London (GMT) -> the period that ended at 08:00 today
        var p = DigestPeriods.lastEnded("daily", LONDON, 8, DayOfWeek.MONDAY, Instant.parse("2025-03-18T08:30:00Z"))
                .orElseThrow();
        assertThat(p.end()).isEqualTo(Instant.parse("2025-03-18T08:00:00Z"));
        assertThat(p.start()).isEqualTo(Instant.parse("2025-03-17T08:00:00Z"));
        // 07:59 -> still yesterday's
        var before = DigestPeriods.lastEnded("daily", LONDON, 8, DayOfWeek.MONDAY,
                Instant.parse("2025-03-18T07:59:00Z")).orElseThrow();
        assertThat(before.end()).isEqualTo(Instant.parse("2025-03-17T08:00:00Z"));
    }

    @Test
    void dailyPeriodAcrossTheSpringDstChangeIs23Hours() {
        // BST starts 2025-03-30 01:00 UTC; 08:00 BST = 07:00 UTC
        var p = DigestPeriods.lastEnded("daily", LONDON, 8, DayOfWeek.MONDAY, Instant.parse("2025-03-30T07:30:00Z"))
                .orElseThrow();
        assertThat(p.end()).isEqualTo(Instant.parse("2025-03-30T07:00:00Z"));
        assertThat(Duration.between(p.start(), p.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void weeklyPeriodEndsOnTheDayAndHourInTheZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // Wednesday 2025-03-19 12:00 JST -> ended Monday 2025-03-17 08:00 JST = 2025-03-16T23:00Z
        var p = DigestPeriods.lastEnded("weekly", tokyo, 8, DayOfWeek.MONDAY, Instant.parse("2025-03-19T03:00:00Z"))
                .orElseThrow();
        assertThat(p.end()).isEqualTo(Instant.parse("2025-03-16T23:00:00Z"));
        assertThat(p.start()).isEqualTo(Instant.parse("2025-03-09T23:00:00Z"));
        // Monday 07:00 JST: the week before
        var early = DigestPeriods.lastEnded("weekly", tokyo, 8, DayOfWeek.MONDAY,
                Instant.parse("2025-03-16T22:00:00Z")).orElseThrow();
        assertThat(early.end()).isEqualTo(Instant.parse("2025-03-09T23:00:00Z"));
    }

    @Test
    void immediateHasNoPeriod() {
        assertThat(DigestPeriods.lastEnded("immediate", LONDON, 8, DayOfWeek.MONDAY, Instant.now())).isEmpty();
    }
}
