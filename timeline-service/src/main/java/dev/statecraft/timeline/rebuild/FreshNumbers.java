package dev.statecraft.timeline.rebuild;

/**
 * Change numbers for the rows a rebuild changes, counted up from {@link #HEADROOM} above the sequence's value at
 * the rebuild's start instead of taken from the sequence. Numbers taken from the sequence while loading fall below
 * whatever the live projection writes later, so each such row needed a new number at the switch, under the
 * change-order lock: after a projection change, every row of the model (the UPDATE of 1M rows that session 9's
 * switch could not finish). Counted from above, they are already above every number a client can have seen; the
 * switch moves the sequence past the highest of them, and refuses to switch if the live projection wrote
 * {@code HEADROOM} rows during one rebuild. Used by the one writer thread, in the order the rows are written.
 */
final class FreshNumbers {
    /** More rows than the live projection writes during any rebuild (a day at 10,000/s is 864 million). */
    static final long HEADROOM = 1_000_000_000L;

    private final long floor;
    private long taken;

    FreshNumbers(long seqStart) {
        this.floor = floor(seqStart);
    }

    /** Every fresh number of a rebuild that started at {@code seqStart} is above this. */
    static long floor(long seqStart) {
        return seqStart > Long.MAX_VALUE - HEADROOM ? Long.MAX_VALUE : seqStart + HEADROOM;
    }

    long next() {
        return floor + ++taken;
    }

    /** Rows numbered so far. */
    long taken() {
        return taken;
    }
}
