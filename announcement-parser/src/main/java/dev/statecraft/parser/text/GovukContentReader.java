package dev.statecraft.parser.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an item of the GOV.UK Content API: title, description (summary), details.body (HTML), publication
 * time, document type, publishing organisations and the tagged world locations, organisations and people.
 * Malformed JSON yields an empty document rather than an error.
 */
public final class GovukContentReader {
    private static final String GOV_UK = "https://www.gov.uk";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private GovukContentReader() {
    }

    public static SourceDocument read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return SourceDocument.of(null, Body.EMPTY, null, null, "govuk-content");
        }
        JsonNode details = root.path("details");
        Body body = HtmlReader.bodyOf(bodyHtml(details.path("body")));
        String basePath = text(root, "base_path");
        JsonNode links = root.path("links");
        List<String> publishers = titles(links.path("organisations"));
        List<String> organisations = new ArrayList<>(publishers);
        organisations.addAll(titles(links.path("worldwide_organisations")));
        return new SourceDocument(
                text(root, "title"),
                text(root, "description"),
                body,
                instant(text(root, "first_published_at"), text(root, "public_updated_at"),
                        text(details, "first_public_at")),
                null,
                basePath == null || !basePath.startsWith("/") ? null : GOV_UK + basePath,
                publishers.isEmpty() ? null : String.join(", ", publishers),
                "govuk-content",
                text(root, "document_type"),
                titles(links.path("world_locations")),
                organisations,
                titles(links.path("people")));
    }

    /** details.body is HTML, or in some schemas a list of {content_type, content} alternatives. */
    private static String bodyHtml(JsonNode body) {
        if (body.isTextual()) {
            return body.asText();
        }
        if (body.isArray()) {
            for (JsonNode part : body) {
                if ("text/html".equals(part.path("content_type").asText())) {
                    return part.path("content").asText("");
                }
            }
            return body.size() > 0 ? body.get(0).path("content").asText("") : "";
        }
        return "";
    }

    private static Instant instant(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                try {
                    return OffsetDateTime.parse(candidate).toInstant();
                } catch (DateTimeParseException ignored) {
                    // try the next field
                }
            }
        }
        return null;
    }

    private static List<String> titles(JsonNode array) {
        List<String> titles = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                String title = text(item, "title");
                if (title != null) {
                    titles.add(title);
                }
            }
        }
        return titles;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = Whitespace.collapse(value.asText());
        return text.isEmpty() ? null : text;
    }
}
