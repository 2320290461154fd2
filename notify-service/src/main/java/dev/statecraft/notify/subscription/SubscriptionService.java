package dev.statecraft.notify.subscription;

import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.delivery.DeliveryWorker;
import dev.statecraft.notify.email.EmailSender;
import dev.statecraft.notify.webhook.OutboundUrlGuard;
import dev.statecraft.notify.webhook.WebhookSecrets;
import dev.statecraft.notify.webhook.WebhookPayload;
import dev.statecraft.support.problem.Problem;
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
    @Inject
    DeliveryWorker worker;
    @Inject
    EmailSender email;
    @Inject
    dev.statecraft.notify.matching.SubscriptionIndexHolder index;
    @Inject
    jakarta.persistence.EntityManager em;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "statecraft.webhooks.secret-rotation-overlap",
            defaultValue = "24h")
    java.time.Duration rotationOverlap;

    private static String host(String url) {
        return url == null ? "none" : OutboundUrlGuard.parse(url).getHost();
    }

    /** The created subscription and its management token, which exists only in this answer. */
    public record Created(Subscription subscription, String managementToken) {
    }

    public Created create(NewSubscription request) {
        // resolving the host is network I/O: done before the transaction
        if (request.webhookUrl() != null) {
            try {
                guard.check(request.webhookUrl());
            } catch (OutboundUrlGuard.RefusedUrlException e) {
                throw ProblemException.invalidParameter("webhook_url", e.getMessage());
            }
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.webhookUrl = request.webhookUrl();
        s.webhookSecret = request.secret().orElseGet(WebhookSecrets::generate);
        s.countries = request.countries().toArray(String[]::new);
        s.kinds = request.kinds().toArray(String[]::new);
        s.keywords = request.keywords().toArray(String[]::new);
        s.notifyOnRevisions = request.notifyOnRevisions();
        s.frequency = request.frequency();
        s.timezone = request.timezone();
        s.sse = request.sse();
        s.organisations = request.organisations().toArray(String[]::new);
        s.persons = request.persons().toArray(String[]::new);
        s.publishers = request.publishers().toArray(String[]::new);
        s.webhookMaxInFlight = request.webhookMaxInFlight().orElse(null);
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = ManagementTokens.generate();
        s.managementTokenHash = ManagementTokens.hash(token);
        String confirmToken = request.email().isPresent() ? ManagementTokens.generate() : null;
        if (confirmToken != null) {
            s.email = request.email().get();
            s.emailConfirmTokenHash = ManagementTokens.hash(confirmToken);
            s.unsubscribeToken = ManagementTokens.generate();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            s.persist();
            if (confirmToken != null) {
                // the double opt-in mail, sent (and retried) by the delivery worker
                em.flush();
                deliveries.createSpecial(s.id, DeliveryStore.CHANNEL_EMAIL_CONFIRMATION, "confirm_",
                        EmailSender.confirmationPayload(email.confirmUrl(s.id, confirmToken)), false);
            }
        });
        if (confirmToken != null) {
            worker.wakeUp(); // committed: the confirmation mail goes now, not at the worker's next tick
        }
        LOG.infof("subscription %s: created (countries=%s kinds=%s keywords=%d, endpoint host %s, email %s)", s.id,
                request.countries(), request.kinds(), request.keywords().size(), host(s.webhookUrl),
                s.email == null ? "none" : "awaiting confirmation");
        refreshIndex();
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

    /**
     * Applies a change. A new webhook URL is checked by the address guard (before the transaction: it resolves
     * the host) and re-enables an endpoint disabled by 410 Gone. An ended subscription cannot be changed (409).
     */
    public Subscription patch(UUID id, SubscriptionPatch patch) {
        patch.webhookUrl().ifPresent(url -> {
            try {
                guard.check(url);
            } catch (OutboundUrlGuard.RefusedUrlException e) {
                throw ProblemException.invalidParameter("webhook_url", e.getMessage());
            }
        });
        Subscription changed = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (s == null) {
                throw ProblemException.notFound("No such subscription.");
            }
            requireLive(s);
            patch.webhookUrl().ifPresent(url -> {
                if (!url.equals(s.webhookUrl)) {
                    s.webhookUrl = url;
                    enableEndpoint(s);
                }
            });
            if (patch.enableEndpoint()) {
                if (s.webhookUrl == null) {
                    throw ProblemException.invalidParameter("endpoint_enabled", "The subscription has no webhook_url.");
                }
                enableEndpoint(s);
            }
            patch.countries().ifPresent(v -> s.countries = v.toArray(String[]::new));
            patch.kinds().ifPresent(v -> s.kinds = v.toArray(String[]::new));
            patch.keywords().ifPresent(v -> s.keywords = v.toArray(String[]::new));
            patch.organisations().ifPresent(v -> s.organisations = v.toArray(String[]::new));
            patch.persons().ifPresent(v -> s.persons = v.toArray(String[]::new));
            patch.publishers().ifPresent(v -> s.publishers = v.toArray(String[]::new));
            patch.notifyOnRevisions().ifPresent(v -> s.notifyOnRevisions = v);
            patch.frequency().ifPresent(v -> s.frequency = v);
            patch.timezone().ifPresent(v -> s.timezone = v);
            patch.webhookMaxInFlight().ifPresent(v -> s.webhookMaxInFlight = v.orElse(null));
            patch.sse().ifPresent(v -> {
                if (!v && s.webhookUrl == null && s.email == null) {
                    throw ProblemException.invalidParameter("sse", "sse is the only channel; it cannot be turned off.");
                }
                s.sse = v;
            });
            s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return s;
        });
        LOG.infof("subscription %s: changed (countries=%s kinds=%s keywords=%d notify_on_revisions=%s, endpoint host %s)",
                id, List.of(changed.countries), List.of(changed.kinds), changed.keywords.length,
                changed.notifyOnRevisions, host(changed.webhookUrl));
        refreshIndex();
        return changed;
    }

    /** A new webhook secret (shown once) and until when the one it replaces keeps signing. */
    public record RotatedSecret(String secret, Instant previousSecretExpiresAt) {
    }

    /**
     * Replaces the webhook secret by a new one. For {@code secret-rotation-overlap} both sign every webhook
     * (receivers switch without losing a message); then only the new one. Rotating again during an overlap
     * drops the oldest secret at once. 409 if ended or without a webhook.
     */
    public RotatedSecret rotateSecret(UUID id) {
        String secret = WebhookSecrets.generate();
        Instant expires = Instant.now().plus(rotationOverlap).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            requireLive(s);
            if (s.webhookUrl == null) {
                throw conflict("no-webhook", "The subscription has no webhook_url, so no secret to rotate.");
            }
            s.previousWebhookSecret = s.webhookSecret;
            s.previousSecretExpiresAt = expires;
            s.webhookSecret = secret;
            s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        });
        LOG.infof("subscription %s: webhook secret rotated; the previous one also signs until %s", id, expires);
        return new RotatedSecret(secret, expires);
    }

    private static void enableEndpoint(Subscription s) {
        if (s.endpointDisabledAt != null) {
            LOG.infof("subscription %s: webhook endpoint re-enabled (was disabled: %s)", s.id, s.endpointDisabledReason);
        }
        s.endpointDisabledAt = null;
        s.endpointDisabledReason = null;
        s.endpointFailingSince = null;
    }

    /**
     * Queues a sample alert, marked as a test, on each of the subscription's active channels: the webhook
     * (unless disabled by 410 Gone) and the email address (once confirmed). 409 if there is none.
     */
    public List<UUID> sendTest(Subscription s) {
        requireLive(s);
        boolean webhook = s.webhookUrl != null && s.endpointDisabledAt == null;
        boolean mail = s.email != null && s.emailConfirmedAt != null;
        if (!webhook && !mail && !s.sse) {
            throw conflict("no-active-channel", s.webhookUrl != null && s.endpointDisabledAt != null
                    ? "The webhook endpoint is disabled (" + s.endpointDisabledReason
                            + "); PATCH endpoint_enabled: true or a new webhook_url first."
                    : "No channel is active yet: the email address is not confirmed.");
        }
        String payload = WebhookPayload.sample(Instant.now().truncatedTo(ChronoUnit.MILLIS)).toJson();
        List<UUID> created = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new java.util.ArrayList<>();
            if (webhook) {
                ids.add(deliveries.createSpecial(s.id, DeliveryStore.CHANNEL_WEBHOOK, "test_", payload, true));
            }
            if (mail) {
                ids.add(deliveries.createSpecial(s.id, DeliveryStore.CHANNEL_EMAIL, "test_", payload, true));
            }
            if (s.sse) {
                deliveries.createSseIfNew(s.id, "test_" + UUID.randomUUID(), 1, payload, false, true).ifPresent(ids::add);
            }
            return ids;
        });
        LOG.infof("subscription %s: test alert queued as deliveries %s", s.id, created);
        return created;
    }

    /** Double opt-in: the link in the confirmation email. Idempotent; 404 for a wrong id or token. */
    public void confirmEmail(String id, String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = parseId(id).map(uuid -> Subscription.<Subscription>findById(uuid)).orElse(null);
            if (s == null || s.email == null || token == null
                    || !ManagementTokens.matches(token, s.emailConfirmTokenHash)) {
                throw ProblemException.notFound("This confirmation link is not valid.");
            }
            requireLive(s);
            if (s.emailConfirmedAt == null) {
                s.emailConfirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                LOG.infof("subscription %s: email address confirmed", s.id);
            }
        });
    }

    /** One-click unsubscribe (RFC 8058): ends the subscription, keeping its history. Idempotent. */
    public void unsubscribe(String id, String token) {
        Subscription s = parseId(id).map(uuid -> QuarkusTransaction.requiringNew()
                .call(() -> Subscription.<Subscription>findById(uuid))).orElse(null);
        if (s == null || s.unsubscribeToken == null || token == null
                || !java.security.MessageDigest.isEqual(s.unsubscribeToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw ProblemException.notFound("This unsubscribe link is not valid.");
        }
        end(s.id, "unsubscribed by email link");
        refreshIndex();
    }

    /**
     * Rebuilds this instance's matching index after a committed change (other instances see it within their
     * refresh interval). A failure is logged, not thrown: the change is committed, and the periodic refresh
     * catches up.
     */
    public void refreshIndex() {
        try {
            index.rebuild();
        } catch (RuntimeException e) {
            LOG.warnf("subscription index: rebuild after a change failed (the periodic refresh will catch up): %s",
                    e.getMessage());
        }
    }

    /** Whether the unsubscribe link is valid (for the page behind the link). */
    public boolean validUnsubscribeLink(String id, String token) {
        try {
            Subscription s = parseId(id).map(uuid -> QuarkusTransaction.requiringNew()
                    .call(() -> Subscription.<Subscription>findById(uuid))).orElse(null);
            return s != null && s.unsubscribeToken != null && s.unsubscribeToken.equals(token);
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void requireLive(Subscription s) {
        if (s.isEnded()) {
            throw conflict("subscription-ended", "The subscription has ended (" + s.endedReason + ").");
        }
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
