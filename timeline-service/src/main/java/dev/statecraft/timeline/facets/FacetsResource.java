package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.TimelineQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/facets")
@Produces(MediaType.APPLICATION_JSON)
public class FacetsResource {
    @Inject
    FacetsRepository repository;

    /**
     * Counts per country, kind, organisation, person and publication month for the timeline's filters; each
     * facet ignores its own filter (the month facet ignores from/to), and {@code total} applies them all.
     */
    @GET
    public FacetsRepository.Facets facets(@Context UriInfo uri) {
        TimelineQuery.rejectUnknown(uri.getQueryParameters(), Filters.PARAMETERS);
        return repository.count(Filters.from(uri.getQueryParameters()));
    }
}
