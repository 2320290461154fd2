package dev.statecraft.notify.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Digest periods: a daily period ends every day at {@code hour}:00 in the subscriber's zone, a weekly one on
 * {@code day} at that hour. Computed with zone rules, so a period around a DST change is 23 or 25 hours long
 * and still ends at the local hour.
 */
public final class DigestPeriods {
    private DigestPeriods() {
    }

    public record Period(Instant start, Instant end) {
    }

    /** The most recent period that has ended at {@code now}; empty for {@code immediate}. */
    public static Optional<Period> lastEnded(String frequency, ZoneId zone, int hour, DayOfWeek day, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime end;
        switch (frequency) {
            case "daily" -> {
                end = local.toLocalDate().atTime(hour, 0).atZone(zone);
                if (end.toInstant().isAfter(now)) {
                    end = local.toLocalDate().minusDays(1).atTime(hour, 0).atZone(zone);
                }
                return Optional.of(new Period(end.toLocalDate().minusDays(1).atTime(hour, 0).atZone(zone).toInstant(),
                        end.toInstant()));
            }
            case "weekly" -> {
                var date = local.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
                end = date.atTime(hour, 0).atZone(zone);
                if (end.toInstant().isAfter(now)) {
                    end = date.minusWeeks(1).atTime(hour, 0).atZone(zone);
                }
                return Optional.of(new Period(end.toLocalDate().minusWeeks(1).atTime(hour, 0).atZone(zone).toInstant(),
                        end.toInstant()));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
