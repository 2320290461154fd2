package dev.statecraft.timeline.feeds;

import dev.statecraft.timeline.query.Caching;
import dev.statecraft.timeline.query.ETags;
import dev.statecraft.timeline.query.TimelineQuery;
import dev.statecraft.timeline.query.TimelineRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The timeline as feeds for readers, with the same parameters (filters, sort, limit, cursor) as the API. */
@Path("/api")
public class FeedsResource {
    /** Feed readers poll; a minute of caching spares the database without making alerts late. */
    static final int MAX_AGE = 60;

    @Inject
    TimelineRepository repository;

    @GET
    @Path("timeline.atom")
    @Produces("application/atom+xml")
    public Response atom(@Context UriInfo uri, @Context Request request) {
        FeedPage page = page(uri);
        return Caching.conditional(request, ETags.of(page.items(), page.next()), MAX_AGE, () -> AtomFeed.write(page));
    }

    @GET
    @Path("timeline.json")
    @Produces("application/feed+json")
    public Response json(@Context UriInfo uri, @Context Request request) {
        FeedPage page = page(uri);
        return Caching.conditional(request, ETags.of(page.items(), page.next()), MAX_AGE, () -> JsonFeed.of(page));
    }

    private FeedPage page(UriInfo uri) {
        return FeedPage.of(uri, repository.find(TimelineQuery.from(uri.getQueryParameters())));
    }
}
