package dev.statecraft.timeline.query;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Strong validators for lists of announcements. A listed item's content is fixed by its (id, revision), so
 * the ids and revisions in order, plus the next link, identify the representation.
 */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(List<TimelineItem> items, String next) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (TimelineItem item : items) {
                digest.update((item.id() + ":" + item.revision() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(String.valueOf(next).getBytes(StandardCharsets.UTF_8));
            return new EntityTag(HexFormat.of().formatHex(digest.digest(), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
