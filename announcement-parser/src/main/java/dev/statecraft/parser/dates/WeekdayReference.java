package dev.statecraft.parser.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;

/**
 * A bare weekday ("on Thursday", "last Friday") resolved against the publication date: "next"/"last" and the
 * tense of its sentence say which way to look ("will travel … on Wednesday" is the coming one, "met on
 * Tuesday" the one before); with no clue it is the nearest such day (at most three days away).
 */
final class WeekdayReference {
    enum Direction { FORWARD, BACKWARD, NEAREST }

    private static final Pattern FUTURE = Pattern.compile("\\b(?:will|shall|is due|are due|is set to|are set to"
            + "|plans? to|is to|are to|is expected to|are expected to|going to)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST = Pattern.compile("\\b(?:was|were|had|met|held|visited|signed|spoke"
            + "|travelled|traveled|hosted|attended|joined|announced|agreed|discussed|took place)\\b",
            Pattern.CASE_INSENSITIVE);
    /** How far a sentence is read around the weekday for its tense. */
    private static final int REACH = 200;

    private WeekdayReference() {
    }

    static LocalDate resolve(DayOfWeek weekday, Direction direction, LocalDate reference) {
        return switch (direction) {
            case FORWARD -> reference.with(TemporalAdjusters.nextOrSame(weekday));
            case BACKWARD -> reference.with(TemporalAdjusters.previousOrSame(weekday));
            case NEAREST -> {
                LocalDate next = reference.with(TemporalAdjusters.nextOrSame(weekday));
                LocalDate previous = reference.with(TemporalAdjusters.previousOrSame(weekday));
                yield next.toEpochDay() - reference.toEpochDay() <= reference.toEpochDay() - previous.toEpochDay()
                        ? next : previous;
            }
        };
    }

    /** "next Friday" is strictly after the reference and "last Friday" strictly before it. */
    static LocalDate resolveLed(DayOfWeek weekday, boolean next, LocalDate reference) {
        return next ? reference.with(TemporalAdjusters.next(weekday))
                : reference.with(TemporalAdjusters.previous(weekday));
    }

    /** The direction the sentence around [start, end) of {@code text} points to. */
    static Direction directionAt(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < REACH && !endsSentence(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < REACH && !endsSentence(text.charAt(to))) {
            to++;
        }
        if (FUTURE.matcher(text).region(from, to).find()) {
            return Direction.FORWARD;
        }
        return PAST.matcher(text).region(from, to).find() ? Direction.BACKWARD : Direction.NEAREST;
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
}
