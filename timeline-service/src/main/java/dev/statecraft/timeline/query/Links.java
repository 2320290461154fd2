package dev.statecraft.timeline.query;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Links back to the requested resource, with the same filters and another page. */
public final class Links {
    private Links() {
    }

    /** The request's path and query with {@code cursor} replaced: relative, so it works behind any proxy. */
    public static String withCursor(UriInfo uri, TimelineQuery.Cursor cursor) {
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor.encode()).build();
        return next.getRawPath() + "?" + next.getRawQuery();
    }
}
