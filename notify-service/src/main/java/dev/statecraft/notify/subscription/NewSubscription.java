package dev.statecraft.notify.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.webhook.OutboundUrlGuard;
import dev.statecraft.notify.webhook.WebhookSecrets;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated subscription request. Read field by field from the JSON, so that every mistake is answered with
 * a 400 naming the field: unknown fields, wrong types, unknown countries and kinds, blank or long keywords,
 * bad secrets. (The URL's addresses are checked separately by {@link OutboundUrlGuard}.)
 */
public record NewSubscription(String webhookUrl, Optional<String> secret, List<String> countries, List<String> kinds,
        List<String> keywords, boolean notifyOnRevisions, Optional<String> email, String frequency,
        String timezone, boolean sse, List<String> organisations, List<String> persons, List<String> publishers,
        Optional<Integer> webhookMaxInFlight) {

    static final Set<String> FREQUENCIES = Set.of("immediate", "daily", "weekly");

    static final Set<String> FIELDS = new TreeSet<>(List.of("webhook_url", "secret", "countries", "kinds", "keywords",
            "notify_on_revisions", "email", "frequency", "timezone", "sse", "organisations", "persons", "publishers",
            "webhook_max_in_flight"));
    static final int MAX_EMAIL_LENGTH = 254;
    /** A pragmatic check (one @, no spaces or control characters, a dot in the domain), not full RFC 5322. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final int MAX_KEYWORD_LENGTH = 200;
    static final int MAX_KEYWORDS = 100;
    /**
     * Upper bound of a subscriber's {@code webhook_max_in_flight}: a subscriber may let its endpoint take more
     * concurrent requests than the default (2), but one endpoint never holds more than this many sender threads.
     */
    public static final int MAX_WEBHOOK_IN_FLIGHT = 8;
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    /** Parses and validates a request body. */
    public static NewSubscription from(String json) {
        return from(JsonBodies.object(json, "A JSON object with at least webhook_url is required."));
    }

    static NewSubscription from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("malformed-json", "The body must be a JSON object.");
        }
        JsonBodies.onlyKnownFields(body, FIELDS);
        Optional<String> email = email(body);
        boolean sse = bool(body, "sse");
        String url = (email.isPresent() || sse) && text(body, "webhook_url").isEmpty() ? null : webhookUrl(body);
        Optional<String> secret = text(body, "secret");
        secret.flatMap(WebhookSecrets::problemWith).ifPresent(problem -> {
            throw ProblemException.invalidParameter("secret", problem + ".");
        });
        return new NewSubscription(url, secret, countries(body), kinds(body), keywords(body),
                bool(body, "notify_on_revisions"), email, frequency(body).orElse("immediate"),
                timezone(body).orElse("UTC"), sse, names(body, "organisations"), names(body, "persons"),
                names(body, "publishers"), webhookMaxInFlight(body));
    }

    /**
     * The optional {@code webhook_max_in_flight}: how many webhook requests may be in flight at once to this
     * subscription's endpoint, an integer from 1 to {@value #MAX_WEBHOOK_IN_FLIGHT}; absent or null = the default.
     */
    static Optional<Integer> webhookMaxInFlight(JsonNode body) {
        JsonNode node = body.get("webhook_max_in_flight");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt() || node.intValue() < 1
                || node.intValue() > MAX_WEBHOOK_IN_FLIGHT) {
            throw ProblemException.invalidParameter("webhook_max_in_flight",
                    "webhook_max_in_flight must be an integer from 1 to " + MAX_WEBHOOK_IN_FLIGHT + ".");
        }
        return Optional.of(node.intValue());
    }

    /** immediate, daily or weekly (case-insensitive). */
    static Optional<String> frequency(JsonNode body) {
        return text(body, "frequency").map(value -> {
            String f = value.trim().toLowerCase(Locale.ROOT);
            if (!FREQUENCIES.contains(f)) {
                throw ProblemException.invalidParameter("frequency",
                        "'" + value + "' is not a frequency; one of: immediate, daily, weekly.");
            }
            return f;
        });
    }

    /** An IANA time zone id such as Europe/London (exact spelling). */
    static Optional<String> timezone(JsonNode body) {
        return text(body, "timezone").map(value -> {
            if (!java.time.ZoneId.getAvailableZoneIds().contains(value)) {
                throw ProblemException.invalidParameter("timezone",
                        "'" + value + "' is not an IANA time zone id (such as Europe/London).");
            }
            return value;
        });
    }

    /** The optional email address, trimmed; the domain is lower-cased. */
    static Optional<String> email(JsonNode body) {
        return text(body, "email").map(value -> {
            String address = value.trim();
            if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
                throw ProblemException.invalidParameter("email", "'" + value + "' is not an email address.");
            }
            int at = address.lastIndexOf('@');
            return address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
        });
    }

    /** The normalised webhook_url: required, absolute http(s), no user info (addresses are checked later). */
    static String webhookUrl(JsonNode body) {
        String url = text(body, "webhook_url").orElseThrow(
                () -> ProblemException.invalidParameter("webhook_url", "webhook_url is required (or email, or \"sse\": true)."));
        try {
            return OutboundUrlGuard.parse(url).toString();
        } catch (OutboundUrlGuard.RefusedUrlException e) {
            throw ProblemException.invalidParameter("webhook_url", e.getMessage());
        }
    }

    /** An optional boolean field; absent or null = false. */
    static boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ProblemException.invalidParameter(field, field + " must be true or false.");
        }
        return node.booleanValue();
    }

    static List<String> countries(JsonNode body) {
        Set<String> codes = new TreeSet<>();
        for (String value : strings(body, "countries")) {
            String code = value.trim().toUpperCase(Locale.ROOT);
            if (!COUNTRY_CODES.contains(code)) {
                throw ProblemException.invalidParameter("countries",
                        "'" + value + "' is not an ISO 3166-1 alpha-2 country code.");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    static List<String> kinds(JsonNode body) {
        Set<String> kinds = new TreeSet<>();
        for (String value : strings(body, "kinds")) {
            Kind kind = Kind.parse(value).orElseThrow(() -> ProblemException.invalidParameter("kinds",
                    "'" + value + "' is not a kind; known kinds: " + knownKinds() + "."));
            kinds.add(kind.wire());
        }
        return List.copyOf(kinds);
    }

    /** Organisation (id or name), person or publisher names: non-blank, trimmed, deduplicated ignoring case. */
    static List<String> names(JsonNode body, String field) {
        List<String> values = strings(body, field);
        if (values.size() > MAX_KEYWORDS) {
            throw ProblemException.invalidParameter(field, "At most " + MAX_KEYWORDS + " " + field + ".");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String value : values) {
            String name = value.trim().replaceAll("\\s+", " ");
            if (name.isEmpty() || name.length() > MAX_KEYWORD_LENGTH) {
                throw ProblemException.invalidParameter(field,
                        field + " must be non-blank and at most " + MAX_KEYWORD_LENGTH + " characters.");
            }
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    static List<String> keywords(JsonNode body) {
        List<String> values = strings(body, "keywords");
        if (values.size() > MAX_KEYWORDS) {
            throw ProblemException.invalidParameter("keywords", "At most " + MAX_KEYWORDS + " keywords.");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (String value : values) {
            String keyword = value.trim().replaceAll("\\s+", " ");
            if (keyword.isEmpty()) {
                throw ProblemException.invalidParameter("keywords", "Keywords must not be blank.");
            }
            if (keyword.length() > MAX_KEYWORD_LENGTH) {
                throw ProblemException.invalidParameter("keywords",
                        "Keywords must be at most " + MAX_KEYWORD_LENGTH + " characters.");
            }
            if (seen.add(keyword.toLowerCase(Locale.ROOT))) {
                keywords.add(keyword);
            }
        }
        return List.copyOf(keywords);
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ProblemException.invalidParameter(field, field + " must be a string.");
        }
        return Optional.of(node.asText());
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.invalidParameter(field, field + " must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw ProblemException.invalidParameter(field, field + " must be an array of strings.");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static String knownKinds() {
        return String.join(", ", java.util.Arrays.stream(Kind.values()).map(Kind::wire).toList());
    }
}
