package dev.statecraft.timeline.query;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Conditional GET: 304 without a body when the client's If-None-Match still matches. */
public final class Caching {
    private Caching() {
    }

    public static Response conditional(Request request, EntityTag tag, int maxAgeSeconds, Supplier<Object> body) {
        CacheControl cc = new CacheControl();
        cc.setMaxAge(maxAgeSeconds);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body.get()).tag(tag);
        return response.cacheControl(cc).build();
    }
}
