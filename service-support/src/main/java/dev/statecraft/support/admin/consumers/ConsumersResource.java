package dev.statecraft.support.admin.consumers;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.statecraft.support.problem.ProblemException;
import dev.statecraft.support.audit.AdminActions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code GET /admin/consumers} (lag per partition) and {@code POST /admin/consumers/reset} for this service's group. */
@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumersResource {
    @Inject
    AdminActions actions;
    @Inject
    ConsumerPositions positions;

    @GET
    public Response lag(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return actions.read(authorization, positions::lag);
    }

    /** Exactly one of {@code to_time} (ISO-8601) and {@code to_offset}; {@code dry_run} defaults to true. */
    public record ResetRequest(@JsonProperty("to_time") String toTime, @JsonProperty("to_offset") Long toOffset,
            Integer partition, @JsonProperty("dry_run") Boolean dryRun, Boolean force) {
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ResetRequest request) {
        return actions.act(authorization, "consumers.reset", "consumer group", request, who -> {
            if (request == null || (request.toTime() == null) == (request.toOffset() == null)) {
                throw ProblemException.badRequest("reset-target", "Give exactly one of to_time (ISO-8601) and "
                        + "to_offset.");
            }
            Instant time = null;
            if (request.toTime() != null) {
                try {
                    time = OffsetDateTime.parse(request.toTime()).toInstant();
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalidParameter("to_time", "to_time must be ISO-8601 with an offset, "
                            + "e.g. 2025-03-18T09:30:00Z.");
                }
            }
            if (request.toOffset() != null && request.toOffset() < 0) {
                throw ProblemException.invalidParameter("to_offset", "to_offset must not be negative.");
            }
            // A reset is a dry run unless the operator says otherwise: see what moves first.
            boolean dryRun = request.dryRun() == null || request.dryRun();
            return Response.ok(positions.reset(time, request.toOffset(), request.partition(), dryRun,
                    Boolean.TRUE.equals(request.force()))).build();
        });
    }
}
