package dev.statecraft.timeline.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/** What this instance's rebuild is doing; read by {@code GET /admin/projection}. */
final class Progress {
    enum State {
        idle, running, failed, done
    }

    private State state = State.idle;
    private long recordsRead;
    private long recordsSkipped;
    private long endOffsetTotal;
    private long recordsToRead;
    private long lag;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;
    private int caughtUp;
    private int changed;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(State state, @JsonProperty("records_read") long recordsRead,
            @JsonProperty("records_skipped") long recordsSkipped,
            @JsonProperty("end_offset_total") long endOffsetTotal,
            @JsonProperty("records_to_read") long recordsToRead, long lag,
            @JsonProperty("rate_per_second") double ratePerSecond, @JsonProperty("eta_seconds") Long etaSeconds,
            @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
            @JsonProperty("caught_up_from_live") Integer caughtUp,
            @JsonProperty("rows_changed") Integer changed, String error) {
    }

    synchronized boolean isRunning() {
        return state == State.running;
    }

    synchronized void started() {
        state = State.running;
        recordsRead = 0;
        recordsSkipped = 0;
        endOffsetTotal = 0;
        recordsToRead = 0;
        lag = 0;
        startedAt = Instant.now();
        finishedAt = null;
        error = null;
        caughtUp = 0;
        changed = 0;
    }

    synchronized void endOffsets(long total, long toRead) {
        endOffsetTotal = total;
        recordsToRead = toRead;
        lag = toRead;
    }

    synchronized void read() {
        recordsRead++;
    }

    synchronized void skipped() {
        recordsSkipped++;
    }

    /** A record counted as read whose row PostgreSQL then refused to store: skipped after all. */
    synchronized void rejected() {
        recordsRead--;
        recordsSkipped++;
    }

    synchronized void lag(long value) {
        lag = value;
    }

    synchronized void done(ProjectionRebuild.Switch result) {
        state = State.done;
        lag = 0;
        caughtUp = result.caughtUp();
        changed = result.changed();
        finishedAt = Instant.now();
    }

    synchronized void failed(Throwable e) {
        state = State.failed;
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        finishedAt = Instant.now();
    }

    synchronized View view() {
        double rate = 0;
        Long eta = null;
        if (startedAt != null) {
            Instant until = finishedAt == null ? Instant.now() : finishedAt;
            double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
            rate = Math.round((recordsRead + recordsSkipped) / seconds * 10) / 10.0;
            if (state == State.running && rate > 0) {
                eta = Math.round(lag / rate);
            }
        }
        boolean finished = state == State.done;
        return new View(state, recordsRead, recordsSkipped, endOffsetTotal, recordsToRead, lag, rate, eta, startedAt,
                finishedAt, finished ? caughtUp : null, finished ? changed : null, error);
    }
}
