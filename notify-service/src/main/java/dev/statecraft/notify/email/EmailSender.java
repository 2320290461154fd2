package dev.statecraft.notify.email;

import dev.statecraft.support.Failures;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.webhook.WebhookPayload;
import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends email deliveries over SMTP (quarkus-mailer): the double opt-in confirmation, and alerts with an HTML
 * and a plain-text body (Qute templates), a one-click unsubscribe link in the body and the RFC 8058
 * {@code List-Unsubscribe} / {@code List-Unsubscribe-Post} headers. The outcome is reported like a webhook's:
 * 250 (SMTP "OK") when the server accepted the message, otherwise status 0 and the error, so the same retry
 * policy applies.
 */
@ApplicationScoped
public class EmailSender {
    /** The SMTP reply code for "accepted", recorded as the delivery's status code. */
    public static final int ACCEPTED = 250;

    @Inject
    Mailer mailer;
    @Location("email/alert.html")
    Template alertHtml;
    @Location("email/alert.txt")
    Template alertText;
    @Location("email/digest.html")
    Template digestHtml;
    @Location("email/digest.txt")
    Template digestText;
    @Location("email/endpoint-disabled.html")
    Template endpointDisabledHtml;
    @Location("email/endpoint-disabled.txt")
    Template endpointDisabledText;
    @Location("email/confirm.html")
    Template confirmHtml;
    @Location("email/confirm.txt")
    Template confirmText;
    @ConfigProperty(name = "statecraft.public-base-url")
    String publicBaseUrl;

    /** The link that ends a subscription with one click (POST), as in List-Unsubscribe. */
    public String unsubscribeUrl(UUID subscriptionId, String token) {
        return base() + "/api/subscriptions/" + subscriptionId + "/unsubscribe?token=" + token;
    }

    public String confirmUrl(UUID subscriptionId, String token) {
        return base() + "/api/subscriptions/" + subscriptionId + "/confirm?token=" + token;
    }

    /** The stored payload of a confirmation delivery. */
    public static String confirmationPayload(String confirmUrl) {
        return AnnouncementJson.write(Map.of("type", "subscription.confirm", "confirm_url", confirmUrl));
    }

    public Outcome send(DeliveryStore.Claimed d) {
        try {
            mailer.send(switch (d.channel()) {
                case DeliveryStore.CHANNEL_EMAIL_CONFIRMATION -> confirmation(d);
                case DeliveryStore.CHANNEL_EMAIL_ENDPOINT_DISABLED -> endpointDisabled(d);
                default -> alert(d);
            });
            return new Outcome(ACCEPTED, Optional.empty(), null);
        } catch (RuntimeException e) {
            return new Outcome(0, Optional.empty(), "SMTP: " + Failures.rootMessage(e));
        }
    }

    /** The stored payload of an "endpoint disabled" notice. */
    public static String endpointDisabledPayload(String host, String reason) {
        return AnnouncementJson.write(Map.of("type", "subscription.endpoint_disabled", "host", host, "reason", reason));
    }

    /** Tells the owner that the webhook endpoint was disabled and how to turn it back on. */
    Mail endpointDisabled(DeliveryStore.Claimed d) {
        JsonNode payload = tree(d.payload());
        Map<String, Object> model = new HashMap<>();
        model.put("host", payload.path("host").asText());
        model.put("reason", payload.path("reason").asText());
        model.put("subscriptionId", d.subscriptionId().toString());
        model.put("subscriptionUrl", base() + "/api/subscriptions/" + d.subscriptionId());
        model.put("unsubscribeUrl", unsubscribeUrl(d.subscriptionId(), d.unsubscribeToken()));
        return Mail.withHtml(d.email(), "[Statecraft Feed] Your webhook endpoint was disabled",
                        endpointDisabledHtml.data(model).render())
                .setText(endpointDisabledText.data(model).render())
                .addHeader("Auto-Submitted", "auto-generated");
    }

    Mail confirmation(DeliveryStore.Claimed d) {
        JsonNode payload = tree(d.payload());
        String url = payload.get("confirm_url").asText();
        return Mail.withHtml(d.email(), "Confirm your Statecraft Feed alerts",
                        confirmHtml.data("confirmUrl", url).render())
                .setText(confirmText.data("confirmUrl", url).render())
                .addHeader("Auto-Submitted", "auto-generated");
    }

    Mail alert(DeliveryStore.Claimed d) {
        JsonNode payload = tree(d.payload());
        if ("digest".equals(payload.path("type").asText())) {
            return digest(d, payload.get("data"));
        }
        JsonNode data = payload.get("data");
        String type = payload.get("type").asText();
        boolean test = WebhookPayload.TYPE_TEST.equals(type);
        boolean revised = WebhookPayload.TYPE_REVISED.equals(type);
        String unsubscribe = unsubscribeUrl(d.subscriptionId(), d.unsubscribeToken());
        List<String> countries = new ArrayList<>();
        data.path("countries").forEach(c -> countries.add(c.asText()));
        Map<String, Object> model = new HashMap<>();
        model.put("title", data.path("title").asText());
        model.put("summary", data.path("summary").asText(""));
        model.put("kind", data.path("kind").asText().replace('_', ' '));
        model.put("countries", String.join(", ", countries));
        model.put("publishedAt", data.path("published_at").asText(""));
        model.put("publisher", data.path("publisher").asText(""));
        model.put("sourceUrl", data.path("source_url").asText(""));
        model.put("revision", data.path("revision").asInt(1));
        model.put("revised", revised);
        model.put("test", test);
        model.put("unsubscribeUrl", unsubscribe);
        String subject = (test ? "[Statecraft Feed test] " : "[Statecraft Feed] ") + (revised ? "Updated: " : "")
                + data.path("title").asText();
        return Mail.withHtml(d.email(), subject, alertHtml.data(model).render())
                .setText(alertText.data(model).render())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
    }

    /** A digest: the announcements of one period grouped by kind and country. */
    Mail digest(DeliveryStore.Claimed d, JsonNode data) {
        String unsubscribe = unsubscribeUrl(d.subscriptionId(), d.unsubscribeToken());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (JsonNode g : data.path("groups")) {
            List<Map<String, Object>> announcements = new ArrayList<>();
            for (JsonNode a : g.path("announcements")) {
                announcements.add(Map.of("title", a.path("title").asText(), "sourceUrl", a.path("source_url").asText("")));
            }
            groups.add(Map.of("kind", g.path("kind").asText().replace('_', ' '),
                    "country", g.path("country").isNull() ? "no country" : g.path("country").asText(),
                    "announcements", announcements));
        }
        Map<String, Object> model = new HashMap<>();
        String frequency = data.path("frequency").asText();
        model.put("frequency", frequency);
        model.put("count", data.path("count").asInt());
        model.put("periodStart", data.path("period_start").asText());
        model.put("periodEnd", data.path("period_end").asText());
        model.put("groups", groups);
        model.put("unsubscribeUrl", unsubscribe);
        String subject = "[Statecraft Feed] Your " + frequency + " digest: " + data.path("count").asInt()
                + " announcement" + (data.path("count").asInt() == 1 ? "" : "s");
        return Mail.withHtml(d.email(), subject, digestHtml.data(model).render())
                .setText(digestText.data(model).render())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
    }

    private static JsonNode tree(String json) {
        try {
            return AnnouncementJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable delivery payload", e);
        }
    }

    private String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
