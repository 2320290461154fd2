package dev.statecraft.ingest.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.support.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
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
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static SourceSettings read(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("empty-body", "Send the source as a JSON object.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.badRequest("malformed-json", "The JSON body must be an object.");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw ProblemException.invalidParameter(field, "Unknown field '" + field + "'; known fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        String name = text(object, "name");
        if (name != null && name.isBlank()) {
            throw ProblemException.invalidParameter("name", "Field 'name' must not be blank.");
        }
        String feedUrl = text(object, "feed_url");
        if (feedUrl != null) {
            feedUrl = checkUrl(feedUrl);
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
        String publisher = text(object, "publisher");
        return new SourceSettings(name == null ? null : name.trim(), feedUrl,
                publisher == null || publisher.isBlank() ? null : publisher.trim(), interval, enabled,
                object.has("publisher"));
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.invalidParameter(field, "Field '" + field + "' must be a string.");
        }
        return node.asText();
    }

    private static String checkUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ProblemException.invalidParameter("feed_url", "'" + value + "' is not an absolute http(s) URL.");
    }
}
