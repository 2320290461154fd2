package dev.statecraft.parser.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
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
    /**
     * A word each alternative of {@link #FUTURE} / {@link #PAST} contains (lower case): a sentence without any
     * of them cannot match, so the regex, tried at every position of the sentence, is not run. The patterns
     * fold ASCII case only, so a match always lower-cases to text containing one of these words.
     */
    private static final List<String> FUTURE_WORDS = List.of("will", "shall", "due", "set to", "plan", "is to",
            "are to", "expected to", "going to");
    private static final List<String> PAST_WORDS = List.of("was", "were", "had", "met", "held", "visited", "signed",
            "spoke", "travel", "hosted", "attended", "joined", "announced", "agreed", "discussed", "took place");
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
        String sentence = text.substring(from, to).toLowerCase(Locale.ROOT);
        if (containsAny(sentence, FUTURE_WORDS) && FUTURE.matcher(text).region(from, to).find()) {
            return Direction.FORWARD;
        }
        return containsAny(sentence, PAST_WORDS) && PAST.matcher(text).region(from, to).find()
                ? Direction.BACKWARD : Direction.NEAREST;
    }

    private static boolean containsAny(String lowerCase, List<String> words) {
        for (String word : words) {
            if (lowerCase.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
}
