package dev.statecraft.ingest.parse;

import dev.statecraft.ingest.intake.IntakeDocument;
import dev.statecraft.ingest.intake.IntakeRequests;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.parser.AnnouncementParser;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Parses what intake would accept and shows the result; stores nothing. */
@Path("/api/parse")
public class ParseResource {
    @Inject
    AnnouncementParser parser;
    @ConfigProperty(name = "statecraft.intake.max-bytes")
    int maxBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response parse(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam IntakeRequests.Metadata metadata, byte[] body) {
        IntakeDocument doc = IntakeRequests.read(contentType, body, metadata, maxBytes);
        var parsed = parser.parse(doc.toParserInput(Instant.now()));
        return Response.ok(AnnouncementJson.write(parsed)).build();
    }
}
