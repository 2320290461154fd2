package dev.statecraft.support.retry;

import java.time.Duration;

/**
 * Exponential backoff: the first pause, doubled after each further failure, never longer than the longest.
 * One rule for every retry loop of the project (outbox relay, consumers, feed polling).
 */
public record Backoff(Duration first, Duration longest) {

    /** The pause after another failure, given the previous pause ({@link Duration#ZERO} for none). */
    public Duration next(Duration previous) {
        if (previous.isZero()) {
            return first;
        }
        return previous.compareTo(longest.dividedBy(2)) > 0 ? longest : previous.multipliedBy(2);
    }

    /** The pause after this many consecutive failures (1 = the first). */
    public Duration afterFailures(int failures) {
        Duration pause = Duration.ZERO;
        for (int i = 0; i < failures && pause.compareTo(longest) < 0; i++) {
            pause = next(pause);
        }
        return pause;
    }
}
