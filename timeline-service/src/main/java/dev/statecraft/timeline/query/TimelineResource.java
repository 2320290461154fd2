package dev.statecraft.timeline.query;

import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    /** A timeline page changes whenever an announcement arrives: caches may reuse it only briefly. */
    static final int TIMELINE_MAX_AGE = 10;
    /** An announcement changes only with a new revision, which is rare; revalidation by ETag is cheap. */
    static final int ANNOUNCEMENT_MAX_AGE = 300;

    @Inject
    TimelineRepository repository;

    public record TimelinePage(List<TimelineItem> items, String next) {
    }

    /** Announcements newest first; {@code next} is the link to the following page, null on the last. */
    @GET
    @Path("timeline")
    public Response timeline(@Context UriInfo uri, @Context Request request) {
        TimelineQuery query = TimelineQuery.from(uri.getQueryParameters());
        TimelineRepository.Page page = repository.find(query);
        String next = page.next() == null ? null : Links.withCursor(uri, page.next());
        EntityTag tag = ETags.of(page.items(), next);
        return Caching.conditional(request, tag, TIMELINE_MAX_AGE, () -> new TimelinePage(page.items(), next));
    }

    /** Everything extracted for one announcement, with evidence spans, at its newest revision. */
    @GET
    @Path("announcements/{id}")
    public Response announcement(@PathParam("id") String id, @Context Request request) {
        TimelineRepository.Stored stored = repository.find(id)
                .orElseThrow(() -> ProblemException.notFound("No announcement with id '" + id + "' in the timeline."));
        return Caching.conditional(request, new EntityTag("r" + stored.revision()), ANNOUNCEMENT_MAX_AGE,
                stored::event);
    }
}
