package dev.statecraft.notify.delivery;

import dev.statecraft.notify.subscription.Subscription;
import dev.statecraft.notify.subscription.SubscriptionAccess;
import dev.statecraft.notify.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Manual retry of a delivery that failed for good or ran out of retries. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    private static final Logger LOG = Logger.getLogger(DeliveryResource.class);

    @Inject
    DeliveryStore store;
    @Inject
    DeliveryWorker worker;
    @Inject
    SubscriptionAccess access;

    /**
     * Re-queues a {@code failed} or {@code exhausted} delivery (same row, so the same {@code webhook-id} and
     * body) for a fresh round of attempts; 202 with the delivery. Allowed with the owning subscription's
     * management token or the operator token. 409 when the delivery is not failed/exhausted, or the
     * subscription has ended or its endpoint is disabled.
     */
    @POST
    @Path("{id}/retry")
    public Response retry(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Optional<DeliveryView> delivery = parseId(id).flatMap(store::view);
        Subscription s = delivery.map(d -> Subscription.<Subscription>findById(d.subscriptionId())).orElse(null);
        access.requireAccess(authorization, s, "No such delivery.");
        DeliveryView d = delivery.get();
        if (s.endedAt != null) {
            throw SubscriptionService.conflict("subscription-ended", "The subscription has ended.");
        }
        if (DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel()) && (s.webhookUrl == null || s.endpointDisabledAt != null)) {
            throw SubscriptionService.conflict("endpoint-disabled", "The webhook endpoint is disabled; "
                    + "PATCH endpoint_enabled: true or a new webhook_url first.");
        }
        if (!store.requeue(d.id())) {
            throw SubscriptionService.conflict("delivery-not-retryable",
                    "Only a failed or exhausted delivery can be retried; this one is " + d.status() + ".");
        }
        LOG.infof("delivery %s (subscription %s): re-queued by hand", d.id(), s.id);
        // the answer shows it as queued; then it is sent at once rather than at the worker's next tick
        Response answer = Response.accepted(store.view(d.id()).orElseThrow()).build();
        worker.wakeUp();
        return answer;
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
