package dev.statecraft.ingest.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import java.util.Set;

/**
 * The fields of a create or update request, validated: each is null when the request leaves it out. Unknown
 * fields are refused, so a typo is not silently ignored.
 */
record SourceSettings(String name, String feedUrl, String publisher, Integer pollIntervalSeconds, Boolean enabled,
        boolean publisherGiven) {
    static final int SHORTEST_INTERVAL = 1;
    static final int LONGEST_INTERVAL = 7 * 24 * 3600;
    private static final Set<String> FIELDS = Set.of("name", "feed_url", "publisher", "poll_interval_seconds",
            "enabled");

    static SourceSettings read(String body) {
        ObjectNode object = JsonBodies.object(body, "Send the source as a JSON object.");
        JsonBodies.onlyKnownFields(object, FIELDS);
        String name = JsonBodies.text(object, "name");
        if (name != null && name.isBlank()) {
            throw ProblemException.invalidParameter("name", "Field 'name' must not be blank.");
        }
        String feedUrl = JsonBodies.text(object, "feed_url");
        if (feedUrl != null) {
            feedUrl = JsonBodies.httpUrl("feed_url", feedUrl);
        }
        Integer interval = null;
        if (object.hasNonNull("poll_interval_seconds")) {
            JsonNode node = object.get("poll_interval_seconds");
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < SHORTEST_INTERVAL
                    || node.asInt() > LONGEST_INTERVAL) {
                throw ProblemException.invalidParameter("poll_interval_seconds", "Field 'poll_interval_seconds' must "
                        + "be a whole number from " + SHORTEST_INTERVAL + " to " + LONGEST_INTERVAL + ".");
            }
            interval = node.asInt();
        }
        Boolean enabled = null;
        if (object.hasNonNull("enabled")) {
            if (!object.get("enabled").isBoolean()) {
                throw ProblemException.invalidParameter("enabled", "Field 'enabled' must be true or false.");
            }
            enabled = object.get("enabled").asBoolean();
        }
        String publisher = JsonBodies.text(object, "publisher");
        return new SourceSettings(name == null ? null : name.trim(), feedUrl,
                publisher == null || publisher.isBlank() ? null : publisher.trim(), interval, enabled,
                object.has("publisher"));
    }
}
