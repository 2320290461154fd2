package dev.statecraft.timeline.rebuild;

import dev.statecraft.support.audit.AdminActions;
import dev.statecraft.support.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Operator actions on the read model. */
@Path("/admin/projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {
    @Inject
    AdminActions actions;

    @Inject
    ProjectionRebuild rebuild;

    /** The rebuild's progress on this instance. */
    @GET
    public Response progress(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return actions.read(authorization, rebuild::progress);
    }

    /** Starts a rebuild from offset 0: 202 with its progress, 409 problem if one is running on any instance. */
    @POST
    @Path("/rebuild")
    public Response rebuild(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return actions.act(authorization, "projection.rebuild", "timeline_entry", null, who -> {
            try {
                return Response.accepted(rebuild.start()).location(URI.create("/admin/projection")).build();
            } catch (ProjectionRebuild.AlreadyRunning e) {
                return Response.status(409).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(409, "rebuild-running", "Rebuild already running",
                                "A projection rebuild is already running; follow it at GET /admin/projection.")
                                .withInstance("/admin/projection/rebuild"))
                        .build();
            }
        });
    }
}
