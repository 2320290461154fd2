package dev.statecraft.support.audit;

import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /admin/audit}: the newest admin actions of this service, for operators. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AdminActions actions;
    @Inject
    AdminAudit audit;

    @GET
    public Response recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit, @QueryParam("action") String action) {
        return actions.read(authorization, () -> {
            int n = limit == null ? 100 : limit;
            if (n < 1 || n > 1000) {
                throw ProblemException.invalidParameter("limit", "limit must be between 1 and 1000.");
            }
            return audit.recent(n, action == null || action.isBlank() ? null : action);
        });
    }
}
