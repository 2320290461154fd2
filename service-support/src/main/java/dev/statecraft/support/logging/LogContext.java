package dev.statecraft.support.logging;

import org.jboss.logging.MDC;

/**
 * Puts the announcement id on every log line written while it is being handled (a field of its own in the
 * JSON logs), so that one announcement's way through a service can be followed.
 */
public final class LogContext implements AutoCloseable {
    public static final String ANNOUNCEMENT_ID = "announcement_id";

    private final Object previous;

    private LogContext(String announcementId) {
        previous = MDC.get(ANNOUNCEMENT_ID);
        MDC.put(ANNOUNCEMENT_ID, announcementId);
    }

    public static LogContext announcement(String id) {
        return new LogContext(id);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(ANNOUNCEMENT_ID);
        } else {
            MDC.put(ANNOUNCEMENT_ID, previous);
        }
    }
}
