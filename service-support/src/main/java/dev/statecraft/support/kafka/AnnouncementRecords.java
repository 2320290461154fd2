package dev.statecraft.support.kafka;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.InvalidEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads an announcement event off a record, refusing what a v1 reader cannot apply. */
public final class AnnouncementRecords {
    private AnnouncementRecords() {
    }

    public static Announcement read(ConsumerRecord<String, String> record) {
        String type = header(record, AnnouncementEvents.HEADER_TYPE);
        if (type != null && !AnnouncementEvents.isKnownType(type)) {
            throw new InvalidEventException("unknown event type " + type, null);
        }
        if (record.value() == null) {
            throw new InvalidEventException("record has no value", null);
        }
        Announcement announcement = AnnouncementJson.readEvent(record.value());
        if (record.key() != null && !record.key().equals(announcement.id())) {
            throw new InvalidEventException("record key " + record.key() + " is not the event id "
                    + announcement.id(), null);
        }
        return announcement;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Where a record came from, for logs and dead letters. */
    public static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
