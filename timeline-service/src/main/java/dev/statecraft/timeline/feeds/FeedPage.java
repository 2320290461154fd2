package dev.statecraft.timeline.feeds;

import dev.statecraft.timeline.query.TimelineItem;
import dev.statecraft.timeline.query.TimelineRepository;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A timeline page with the absolute links a feed reader needs. The feed id is the feed's URL without the
 * cursor, so every page of one filtered feed shares it; entry ids are tag URIs (RFC 4151) that no host or
 * revision changes.
 */
record FeedPage(String feedId, String self, String first, String next, URI base, List<TimelineItem> items) {
    static final String TITLE = "Statecraft Feed";

    static FeedPage of(UriInfo uri, TimelineRepository.Page page) {
        URI first = uri.getRequestUriBuilder().replaceQueryParam("cursor").build();
        String next = page.next() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next().encode()).build().toString();
        return new FeedPage(first.toString(), uri.getRequestUri().toString(), first.toString(), next,
                uri.getBaseUri(), page.items());
    }

    static String entryId(TimelineItem item) {
        return "tag:statecraft.dev,2025:announcement:" + item.id();
    }

    String announcementUrl(TimelineItem item) {
        return base.resolve("api/announcements/" + item.id()).toString();
    }

    /** When the newest entry on this page last changed; the epoch for an empty page. */
    Instant updated() {
        return items.stream().map(TimelineItem::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
