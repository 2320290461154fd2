package dev.statecraft.support.admin.deadletters;

import dev.statecraft.support.audit.AdminActions;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;

/** Operators list, inspect and re-drive the records of this service's dead-letter topic. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {
    @Inject
    AdminActions actions;
    @Inject
    DeadLetters deadLetters;

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") Integer limit) {
        return actions.read(authorization, () -> {
            int n = limit == null ? 100 : limit;
            if (n < 1 || n > 1000) {
                throw ProblemException.invalidParameter("limit", "limit must be between 1 and 1000.");
            }
            return Map.of("topic", deadLetters.topic(), "records", deadLetters.list(n));
        });
    }

    @GET
    @Path("/{partition}/{offset}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("partition") String partition, @PathParam("offset") String offset) {
        return actions.read(authorization, () -> deadLetters.get(number("partition", partition).intValue(),
                number("offset", offset)));
    }

    /** {@code {"partition": 0, "offset": 12}} re-drives one record, {@code {"all": true}} every one not yet. */
    public record RedriveRequest(Integer partition, Long offset, Boolean all) {
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redrive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, RedriveRequest request) {
        return actions.act(authorization, "dead-letters.redrive", "dead-letter topic", request, who -> {
            if (request == null) {
                throw ProblemException.badRequest("empty-body", "Send {\"partition\": …, \"offset\": …} or "
                        + "{\"all\": true}.");
            }
            boolean all = Boolean.TRUE.equals(request.all());
            if (all == (request.partition() != null || request.offset() != null)
                    || (!all && (request.partition() == null || request.offset() == null))) {
                throw ProblemException.badRequest("redrive-selection", "Give either partition and offset of one "
                        + "record, or \"all\": true.");
            }
            List<DeadLetters.Redrive> outcomes = deadLetters.redrive(all ? null : request.partition(),
                    all ? null : request.offset(), who.name());
            return Response.ok(Map.of("results", outcomes)).build();
        });
    }

    private static Long number(String parameter, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(parameter, parameter + " must be a non-negative number.");
        }
    }

}
