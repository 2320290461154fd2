package dev.statecraft.timeline.query;

import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    @Inject
    TimelineRepository repository;

    public record TimelinePage(List<TimelineItem> items, String next) {
    }

    /** Announcements newest first; {@code next} is the link to the following page, null on the last. */
    @GET
    @Path("timeline")
    public TimelinePage timeline(@Context UriInfo uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(uri.getQueryParameters());
        TimelineQuery query = TimelineQuery.from(parameters);
        TimelineRepository.Page page = repository.find(query);
        if (page.next() == null) {
            return new TimelinePage(page.items(), null);
        }
        java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next().encode()).build();
        return new TimelinePage(page.items(), next.getRawPath() + "?" + next.getRawQuery());
    }

    /** Everything extracted for one announcement, with evidence spans, at its newest revision. */
    @GET
    @Path("announcements/{id}")
    public Response announcement(@PathParam("id") String id) {
        String event = repository.event(id)
                .orElseThrow(() -> ProblemException.notFound("No announcement with id '" + id + "' in the timeline."));
        return Response.ok(event).build();
    }
}
