package dev.statecraft.notify.delivery;

import dev.statecraft.notify.email.EmailSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Disables a webhook endpoint that has failed every attempt for {@code statecraft.delivery.endpoint-disable-after}:
 * its waiting deliveries are cancelled, matching stops creating new ones, and the owner is told by email when
 * the subscription has a confirmed address. A success resets the clock ({@link DeliveryStore#markDelivered}).
 */
@ApplicationScoped
public class EndpointHealth {
    private static final Logger LOG = Logger.getLogger(EndpointHealth.class);

    private final DeliveryStore store;
    private final Duration disableAfter;

    EndpointHealth(DeliveryStore store,
            @ConfigProperty(name = "statecraft.delivery.endpoint-disable-after", defaultValue = "5d") Duration disableAfter) {
        this.store = store;
        this.disableAfter = disableAfter;
    }

    /** Records a failed webhook attempt; disables the endpoint if it has failed for long enough. */
    public void failed(UUID subscriptionId, String announcementId, String error) {
        QuarkusTransaction.requiringNew().run(() -> store.work(connection -> {
            OffsetDateTime since;
            try (PreparedStatement ps = connection.prepareStatement("""
                    update subscription set endpoint_failing_since = coalesce(endpoint_failing_since, now())
                    where id = ? and endpoint_disabled_at is null and ended_at is null
                    returning endpoint_failing_since, now() - make_interval(secs => ?) >= endpoint_failing_since
                              as too_long, webhook_url, email_confirmed_at is not null as can_mail
                    """)) {
                ps.setObject(1, subscriptionId);
                ps.setDouble(2, disableAfter.toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean("too_long")) {
                        return null;
                    }
                    since = rs.getObject("endpoint_failing_since", OffsetDateTime.class);
                    disable(connection, subscriptionId, announcementId, since, rs.getString("webhook_url"),
                            rs.getBoolean("can_mail"), error);
                }
            }
            return null;
        }));
    }

    private void disable(java.sql.Connection connection, UUID subscriptionId, String announcementId,
            OffsetDateTime since, String url, boolean canMail, String error) throws java.sql.SQLException {
        String reason = "every attempt failed since " + since.toInstant() + " (last: " + error + ")";
        try (PreparedStatement ps = connection.prepareStatement("""
                update subscription set endpoint_disabled_at = now(), endpoint_disabled_reason = ?
                where id = ? and endpoint_disabled_at is null
                """)) {
            ps.setString(1, reason);
            ps.setObject(2, subscriptionId);
            if (ps.executeUpdate() == 0) {
                return;
            }
        }
        int cancelled = store.cancelOpen(subscriptionId, "endpoint disabled: " + reason, DeliveryStore.CHANNEL_WEBHOOK);
        String host = host(url);
        if (canMail) {
            store.createSpecial(subscriptionId, DeliveryStore.CHANNEL_EMAIL_ENDPOINT_DISABLED, "endpoint_disabled_",
                    EmailSender.endpointDisabledPayload(host, reason), false);
        }
        LOG.warnf("subscription %s: webhook endpoint %s disabled after failing since %s (announcement %s); "
                        + "%d waiting deliveries cancelled; owner %s by email",
                subscriptionId, host, since.toInstant(), announcementId, cancelled, canMail ? "told" : "not told (no confirmed address)");
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (RuntimeException e) {
            return "(unparsable URL)";
        }
    }
}
