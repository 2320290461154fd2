package dev.statecraft.notify.admin;

import dev.statecraft.notify.subscription.Subscription;
import dev.statecraft.support.admin.AdminJobs;
import dev.statecraft.support.admin.JobView;
import dev.statecraft.support.audit.AdminActions;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /admin/subscriptions/{id}/backfill}: deliver to one subscription the matching announcements of a
 * past range, marked as backfill; a job (follow it at {@code GET /admin/jobs/{id}}).
 */
@Path("/admin/subscriptions/{id}/backfill")
@Produces(MediaType.APPLICATION_JSON)
public class BackfillResource {
    @Inject
    AdminActions actions;
    @Inject
    AdminJobs jobs;
    @Inject
    BackfillWorker worker;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            String body) {
        return actions.act(authorization, "subscription.backfill", id, body, who -> {
            UUID subscriptionId;
            try {
                subscriptionId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("id", "'" + id + "' is not a subscription id.");
            }
            BackfillRange range = BackfillRange.parse(subscriptionId, body);
            Subscription s = Subscription.findById(subscriptionId);
            if (s == null) {
                throw ProblemException.notFound("No subscription " + id + ".");
            }
            if (s.endedAt != null) {
                throw new ProblemException(Problem.of(409, "subscription-ended", "Subscription ended",
                        "Subscription " + id + " has ended; a backfill would deliver to nobody."));
            }
            JobView job = jobs.create(BackfillWorker.KIND, who.name(), range.toJson(), false, worker.estimate(range));
            return Response.accepted(job).location(URI.create("/admin/jobs/" + job.id())).build();
        });
    }
}
