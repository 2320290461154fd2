package dev.statecraft.timeline.projection;

import java.time.Instant;

/** Instants as PostgreSQL stores a timestamptz read from their ISO text. */
public final class PgTime {
    private PgTime() {
    }

    /**
     * Microseconds since 1970 as timestamptz input rounds the ISO text's fraction: {@code rint(strtod("0.fraction")
     * * 1e6)} (round half to even); nanos / 1e9 is the same double as the decimal fraction parsed.
     */
    public static long unixMicros(Instant at) {
        long fraction = at.getNano() == 0 ? 0 : (long) Math.rint(at.getNano() / 1e9 * 1e6);
        return at.getEpochSecond() * 1_000_000L + fraction;
    }
}
