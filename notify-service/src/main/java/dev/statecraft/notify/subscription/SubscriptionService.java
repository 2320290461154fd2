package dev.statecraft.notify.subscription;

import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.webhook.OutboundUrlGuard;
import dev.statecraft.notify.webhook.WebhookSecrets;
import dev.statecraft.support.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class SubscriptionService {
    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    @Inject
    OutboundUrlGuard guard;
    @Inject
    DeliveryStore deliveries;

    /** The created subscription and its management token, which exists only in this answer. */
    public record Created(Subscription subscription, String managementToken) {
    }

    public Created create(NewSubscription request) {
        // resolving the host is network I/O: done before the transaction
        try {
            guard.check(request.webhookUrl());
        } catch (OutboundUrlGuard.RefusedUrlException e) {
            throw ProblemException.invalidParameter("webhook_url", e.getMessage());
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.webhookUrl = request.webhookUrl();
        s.webhookSecret = request.secret().orElseGet(WebhookSecrets::generate);
        s.countries = request.countries().toArray(String[]::new);
        s.kinds = request.kinds().toArray(String[]::new);
        s.keywords = request.keywords().toArray(String[]::new);
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = ManagementTokens.generate();
        s.managementTokenHash = ManagementTokens.hash(token);
        QuarkusTransaction.requiringNew().run(s::persist);
        LOG.infof("subscription %s: created (countries=%s kinds=%s keywords=%d, endpoint host %s)", s.id,
                request.countries(), request.kinds(), request.keywords().size(),
                OutboundUrlGuard.parse(s.webhookUrl).getHost());
        return new Created(s, token);
    }

    public Optional<Subscription> find(String id) {
        return parseId(id).flatMap(uuid -> Subscription.findByIdOptional(uuid));
    }

    @Transactional
    public List<Subscription> listAll(int offset, int limit) {
        return Subscription.<Subscription>findAll(io.quarkus.panache.common.Sort.by("createdAt").and("id"))
                .range(offset, offset + limit - 1).list();
    }

    /** Ends a subscription (idempotent): no new deliveries, waiting ones are cancelled, history is kept. */
    @Transactional
    public void end(UUID id, String reason) {
        Subscription s = Subscription.findById(id);
        if (s == null || s.isEnded()) {
            return;
        }
        s.endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.endedReason = reason;
        int cancelled = deliveries.cancelOpen(id, "subscription ended");
        LOG.infof("subscription %s: ended (%s), %d waiting deliveries cancelled", id, reason, cancelled);
    }

    static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
