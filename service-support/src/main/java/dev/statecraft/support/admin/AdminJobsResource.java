package dev.statecraft.support.admin;

import dev.statecraft.support.audit.AdminActions;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator jobs of this service (re-parse in ingest, backfill in notify): list, follow, cancel. Starting a
 * job is the service's own endpoint, since each kind takes its own parameters.
 */
@Path("/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobsResource {
    @Inject
    AdminActions actions;
    @Inject
    AdminJobs jobs;

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("kind") String kind, @QueryParam("limit") Integer limit) {
        return actions.read(authorization, () -> {
            int n = limit == null ? 50 : limit;
            if (n < 1 || n > 500) {
                throw ProblemException.invalidParameter("limit", "limit must be between 1 and 500.");
            }
            return jobs.list(kind == null || kind.isBlank() ? null : kind, n);
        });
    }

    @GET
    @Path("/{id}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return actions.read(authorization, () -> find(id));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return actions.act(authorization, "job.cancel", id, null, who -> {
            JobView job = find(id);
            if (!jobs.cancel(id)) {
                throw new ProblemException(Problem.of(409, "job-finished", "Job already finished",
                        "Job " + id + " is " + job.state() + "; only queued or running jobs can be cancelled."));
            }
            return Response.ok(find(id)).build();
        });
    }

    private JobView find(String id) {
        return jobs.get(id).orElseThrow(() -> ProblemException.notFound("No job " + id + "."));
    }
}
