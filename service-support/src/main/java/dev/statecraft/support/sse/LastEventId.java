package dev.statecraft.support.sse;

import dev.statecraft.support.problem.ProblemException;
import java.util.OptionalLong;

/** The {@code Last-Event-ID} header of a resuming SSE client: the id of the last event it got, or none. */
public final class LastEventId {
    private LastEventId() {
    }

    /**
     * Empty when the client starts afresh (no header, or a blank one); otherwise the non-negative id it sent.
     * Anything else is a 400 naming the header: a stream cannot resume from an id it never gave out.
     */
    public static OptionalLong parse(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(header.trim());
            if (id >= 0) {
                return OptionalLong.of(id);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter("Last-Event-ID",
                "Last-Event-ID must be the id of an event of this stream (a non-negative integer).");
    }
}
