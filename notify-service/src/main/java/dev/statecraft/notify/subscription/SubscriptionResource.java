package dev.statecraft.notify.subscription;

import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.delivery.DeliveryView;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Subscriptions: anyone may create one and receives its management token once; that token (or the operator
 * token) reads and ends it and reads its delivery log. Listing all is for the operator.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
    private static final int MAX_PAGE = 1000;

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SubscriptionAccess access;
    @Inject
    DeliveryStore deliveries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequestSchema.class)))
    public Response create(String body) {
        SubscriptionService.Created created = subscriptions.create(NewSubscription.from(body));
        return Response.created(URI.create("/api/subscriptions/" + created.subscription().id))
                .entity(SubscriptionView.created(created.subscription(), created.managementToken())).build();
    }

    @GET
    public List<SubscriptionView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        access.requireOperator(authorization);
        return subscriptions.listAll(intParam("offset", offset, 0, 0, Integer.MAX_VALUE),
                intParam("limit", limit, 100, 1, MAX_PAGE)).stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        return SubscriptionView.of(authorized(authorization, id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        Subscription s = subscriptions.find(id).orElse(null);
        SubscriptionAccess.Role role = access.requireAccess(authorization, s);
        subscriptions.end(s.id, role == SubscriptionAccess.Role.OPERATOR ? "ended by operator" : "ended by subscriber");
        return Response.noContent().build();
    }

    /** The delivery log, newest first. */
    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @QueryParam("limit") String limit) {
        Subscription s = authorized(authorization, id);
        return deliveries.log(s.id, intParam("limit", limit, 100, 1, MAX_PAGE));
    }

    private Subscription authorized(String authorization, String id) {
        Subscription s = subscriptions.find(id).orElse(null);
        access.requireAccess(authorization, s);
        return s;
    }

    static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter(name, name + " must be an integer from " + min + " to " + max + ".");
    }
}
