package dev.statecraft.notify.subscription;

import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.delivery.DeliveryView;
import dev.statecraft.notify.delivery.DeliveryWorker;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.util.UUID;
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
    @Inject
    DeliveryWorker worker;

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
        subscriptions.refreshIndex();
        return Response.noContent().build();
    }

    /** Changes filters, webhook URL or the revisions opt-in; absent fields stay, validated as on create. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionPatchSchema.class)))
    public SubscriptionView patch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, String body) {
        Subscription s = authorized(authorization, id);
        return SubscriptionView.of(subscriptions.patch(s.id, SubscriptionPatch.from(body)));
    }

    /** Sends a sample alert, marked {@code "test": true}, signed like any other; 202 with its delivery. */
    @POST
    @Path("{id}/test")
    public Response test(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Subscription s = authorized(authorization, id);
        List<UUID> created = subscriptions.sendTest(s);
        // the answer shows them as queued; then they are sent at once rather than at the worker's next tick
        Response answer = Response.accepted(java.util.Map.of("deliveries",
                created.stream().map(d -> deliveries.view(d).orElseThrow()).toList())).build();
        worker.wakeUp();
        return answer;
    }

    /**
     * Rotates the webhook secret: the new one is in this answer only; the old one keeps signing beside it
     * until {@code previous_secret_expires_at}.
     */
    @POST
    @Path("{id}/secret/rotate")
    public java.util.Map<String, Object> rotateSecret(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        Subscription s = authorized(authorization, id);
        SubscriptionService.RotatedSecret rotated = subscriptions.rotateSecret(s.id);
        return java.util.Map.of("secret", rotated.secret(),
                "previous_secret_expires_at", rotated.previousSecretExpiresAt().toString());
    }

    /** Double opt-in: the link in the confirmation email. */
    @GET
    @Path("{id}/confirm")
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@PathParam("id") String id, @QueryParam("token") String token) {
        subscriptions.confirmEmail(id, token);
        return page("Your address is confirmed: Statecraft Feed alerts will be sent to it.");
    }

    /**
     * The unsubscribe link of every alert email. GET shows a page with a button (mail scanners follow links,
     * so GET changes nothing); POST (the button, or a mail client's RFC 8058 one-click request with
     * {@code List-Unsubscribe=One-Click}) ends the subscription.
     */
    @GET
    @Path("{id}/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribePage(@PathParam("id") String id, @QueryParam("token") String token) {
        if (!subscriptions.validUnsubscribeLink(id, token)) {
            throw ProblemException.notFound("This unsubscribe link is not valid.");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head>"
                + "<body><form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe from Statecraft Feed alerts</button></form></body></html>";
    }

    @POST
    @Path("{id}/unsubscribe")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribe(@PathParam("id") String id, @QueryParam("token") String token) {
        subscriptions.unsubscribe(id, token);
        return page("You are unsubscribed: no more Statecraft Feed alerts will be sent.");
    }

    private static String page(String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statecraft Feed</title></head>"
                + "<body><p>" + message + "</p></body></html>";
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
