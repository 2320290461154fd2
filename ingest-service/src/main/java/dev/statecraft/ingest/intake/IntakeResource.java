package dev.statecraft.ingest.intake;

import dev.statecraft.ingest.store.AnnouncementRow;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("/api/announcements")
public class IntakeResource {
    @Inject
    IntakeService intake;
    @ConfigProperty(name = "statecraft.intake.max-bytes")
    int maxBytes;

    /**
     * Accepts one announcement: 202 with its id once it is stored (new or a correction), 200 with the same id
     * when the document was already accepted.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam IntakeRequests.Metadata metadata, byte[] body) {
        IntakeDocument doc = IntakeRequests.read(contentType, body, metadata, maxBytes);
        IntakeResult result = intake.accept(doc);
        URI location = URI.create("/api/announcements/" + result.id());
        Map<String, Object> entity = Map.of("id", result.id(), "revision", result.revision(),
                "status", result.status().wire(), "location", location.toString());
        Response.ResponseBuilder response = result.status() == IntakeResult.Status.DUPLICATE
                ? Response.ok(entity) : Response.accepted(entity);
        return response.location(location).build();
    }

    /** The stored event of the announcement's current revision. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        AnnouncementRow row = AnnouncementRow.<AnnouncementRow>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No announcement with id '" + id + "'."));
        return Response.ok(row.event).tag(id + "-" + row.revision).build();
    }
}
