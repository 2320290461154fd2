package dev.statecraft.support.logging;

import org.jboss.logging.MDC;

/**
 * Puts the announcement id (and, for a delivery, the subscription id) on every log line written while it is
 * being handled (fields of their own in the JSON logs), so that one announcement's way through a service, or
 * one subscriber's alerts, can be followed.
 */
public final class LogContext implements AutoCloseable {
    public static final String ANNOUNCEMENT_ID = "announcement_id";
    public static final String SUBSCRIPTION_ID = "subscription_id";

    private final Object previousAnnouncement;
    private final Object previousSubscription;

    private LogContext(String announcementId, String subscriptionId) {
        previousAnnouncement = MDC.get(ANNOUNCEMENT_ID);
        previousSubscription = MDC.get(SUBSCRIPTION_ID);
        put(ANNOUNCEMENT_ID, announcementId);
        put(SUBSCRIPTION_ID, subscriptionId);
    }

    public static LogContext announcement(String id) {
        return new LogContext(id, null);
    }

    /** A delivery: the announcement it is about and the subscription it goes to. */
    public static LogContext delivery(String announcementId, String subscriptionId) {
        return new LogContext(announcementId, subscriptionId);
    }

    @Override
    public void close() {
        put(ANNOUNCEMENT_ID, previousAnnouncement);
        put(SUBSCRIPTION_ID, previousSubscription);
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
