package dev.statecraft.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request bodies and parameters read strictly, the same way in every service: whatever is wrong becomes a 400
 * problem that names it, never a 500 and never silently dropped data.
 */
public final class JsonBodies {
    /** A repeated key or anything after the document is an error: either would silently lose what was sent. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    /** The body as a JSON object; {@code whatToSend} tells a client that sent nothing what is expected. */
    public static ObjectNode object(String body, String whatToSend) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("empty-body", whatToSend);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ProblemException.badRequest("malformed-json", "The body is not valid JSON: " + e.getOriginalMessage()
                    + where);
        }
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.badRequest("malformed-json", "The body must be a JSON object.");
        }
        return object;
    }

    /** Refuses the first field not in {@code known}, naming it, so a typo is not silently ignored. */
    public static void onlyKnownFields(JsonNode object, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ProblemException.invalidParameter(name, "Unknown field '" + name + "'; known fields are "
                        + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    /** A string field, or null when it is absent or null. */
    public static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.invalidParameter(field, "Field '" + field + "' must be a string.");
        }
        return node.asText();
    }

    /** A date ({@code 2025-03-18}, taken as midnight UTC) or an ISO-8601 date-time with an offset. */
    public static Instant instant(String parameter, String value) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(parameter, "'" + value + "' is not a date (YYYY-MM-DD) or an "
                    + "ISO-8601 date-time with offset (2025-03-18T09:30:00Z).");
        }
    }

    /** An absolute http(s) URL with a host, normalised as {@link URI} writes it. */
    public static String httpUrl(String parameter, String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ProblemException.invalidParameter(parameter, "'" + value + "' is not an absolute http(s) URL.");
    }
}
