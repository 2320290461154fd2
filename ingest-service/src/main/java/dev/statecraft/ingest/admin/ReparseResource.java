package dev.statecraft.ingest.admin;

import dev.statecraft.support.admin.AdminJobs;
import dev.statecraft.support.admin.JobView;
import dev.statecraft.support.audit.AdminActions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code POST /admin/jobs/reparse}: queues a re-parse of a range of announcements (202 with the job; follow it at
 * {@code GET /admin/jobs/{id}}, cancel with {@code POST /admin/jobs/{id}/cancel}).
 */
@Path("/admin/jobs/reparse")
@Produces(MediaType.APPLICATION_JSON)
public class ReparseResource {
    @Inject
    AdminActions actions;
    @Inject
    AdminJobs jobs;
    @Inject
    DataSource dataSource;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return actions.act(authorization, "reparse.start", "announcements", body, who -> {
            ReparseRange range = ReparseRange.parse(body);
            JobView job = jobs.create(ReparseWorker.KIND, who.name(), range.toJson(), range.dryRun(), count(range));
            return Response.accepted(job).location(URI.create("/admin/jobs/" + job.id())).build();
        });
    }

    private long count(ReparseRange range) {
        try (Connection c = dataSource.getConnection()) {
            return range.count(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the range", e);
        }
    }
}
