package dev.statecraft.model;

/**
 * The Kafka side of the contract: topic, CloudEvents 1.0 binary-mode headers and event types.
 * Key = announcement id (UTF-8); value = {@link Announcement} as JSON.
 */
public final class AnnouncementEvents {
    public static final String TOPIC = "statecraft.announcements";
    public static final String DLQ_TIMELINE = TOPIC + ".dlq.timeline";
    public static final String DLQ_NOTIFY = TOPIC + ".dlq.notify";

    public static final String TYPE_PUBLISHED_V1 = "dev.statecraft.announcement.published.v1";
    public static final String TYPE_REVISED_V1 = "dev.statecraft.announcement.revised.v1";
    public static final String SOURCE = "/statecraft/ingest-service";
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    private AnnouncementEvents() {
    }

    /** Event type for a revision: the first is published, every later one revised. */
    public static String typeFor(int revision) {
        return revision <= 1 ? TYPE_PUBLISHED_V1 : TYPE_REVISED_V1;
    }

    /** Whether this reader understands the type (v1 only); anything else is a dead letter for it. */
    public static boolean isKnownType(String type) {
        return TYPE_PUBLISHED_V1.equals(type) || TYPE_REVISED_V1.equals(type);
    }

    /** CloudEvent id of one revision: unique per (announcement, revision), stable across relay retries. */
    public static String eventId(String announcementId, int revision) {
        return announcementId + "/" + revision;
    }
}
