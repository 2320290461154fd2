package dev.statecraft.notify.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated change to a subscription, JSON Merge Patch style (RFC 7396): a field that is absent stays as it
 * is; a filter set to {@code null} or {@code []} is cleared (matches everything). Every field is validated as on
 * create; {@code webhook_url} cannot be removed, and the secret cannot be changed here; {@code webhook_max_in_flight}
 * set to {@code null} goes back to the default.
 */
public record SubscriptionPatch(Optional<String> webhookUrl, Optional<List<String>> countries,
        Optional<List<String>> kinds, Optional<List<String>> keywords, Optional<Boolean> notifyOnRevisions,
        Optional<String> frequency, Optional<String> timezone, boolean enableEndpoint, Optional<Boolean> sse,
        Optional<List<String>> organisations, Optional<List<String>> persons, Optional<List<String>> publishers,
        Optional<Optional<Integer>> webhookMaxInFlight) {

    static final Set<String> FIELDS = new TreeSet<>(List.of("webhook_url", "countries", "kinds", "keywords",
            "notify_on_revisions", "frequency", "timezone", "endpoint_enabled", "sse", "organisations", "persons", "publishers",
            "webhook_max_in_flight"));

    public static SubscriptionPatch from(String json) {
        JsonNode body = JsonBodies.object(json, "A JSON object with the fields to change is required.");
        if (body.has("secret")) {
            throw ProblemException.invalidParameter("secret",
                    "The secret cannot be changed; create a new subscription to get a new one.");
        }
        JsonBodies.onlyKnownFields(body, FIELDS);
        if (body.isEmpty()) {
            throw ProblemException.badRequest("empty-patch",
                    "Nothing to change; fields: " + String.join(", ", FIELDS) + ".");
        }
        return new SubscriptionPatch(
                body.has("webhook_url") ? Optional.of(NewSubscription.webhookUrl(body)) : Optional.empty(),
                body.has("countries") ? Optional.of(NewSubscription.countries(body)) : Optional.empty(),
                body.has("kinds") ? Optional.of(NewSubscription.kinds(body)) : Optional.empty(),
                body.has("keywords") ? Optional.of(NewSubscription.keywords(body)) : Optional.empty(),
                body.has("notify_on_revisions") ? Optional.of(NewSubscription.bool(body, "notify_on_revisions"))
                        : Optional.empty(),
                required(body, "frequency", NewSubscription.frequency(body)),
                required(body, "timezone", NewSubscription.timezone(body)),
                enableEndpoint(body),
                body.has("sse") ? Optional.of(NewSubscription.bool(body, "sse")) : Optional.empty(),
                names(body, "organisations"), names(body, "persons"), names(body, "publishers"),
                // null = back to the default
                body.has("webhook_max_in_flight") ? Optional.of(NewSubscription.webhookMaxInFlight(body))
                        : Optional.empty());
    }

    /** {@code "endpoint_enabled": true} re-enables a disabled webhook endpoint; false is not a thing to ask for. */
    private static boolean enableEndpoint(JsonNode body) {
        if (!body.has("endpoint_enabled")) {
            return false;
        }
        if (!body.get("endpoint_enabled").isBoolean() || !body.get("endpoint_enabled").asBoolean()) {
            throw ProblemException.invalidParameter("endpoint_enabled",
                    "endpoint_enabled can only be set to true (re-enable a disabled webhook endpoint).");
        }
        return true;
    }

    private static Optional<List<String>> names(JsonNode body, String field) {
        return body.has(field) ? Optional.of(NewSubscription.names(body, field)) : Optional.empty();
    }

    /** A field that may be absent but not null. */
    private static Optional<String> required(JsonNode body, String field, Optional<String> value) {
        if (body.has(field) && value.isEmpty()) {
            throw ProblemException.invalidParameter(field, field + " cannot be removed.");
        }
        return value;
    }
}
