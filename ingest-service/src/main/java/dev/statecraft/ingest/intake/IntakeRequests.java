package dev.statecraft.ingest.intake;

import static dev.statecraft.support.problem.JsonBodies.httpUrl;
import static dev.statecraft.support.problem.JsonBodies.instant;
import static dev.statecraft.support.problem.JsonBodies.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an HTTP body into an {@link IntakeDocument}, or a precise 4xx: the same rules for intake and for
 * {@code POST /api/parse}.
 *
 * <p>Accepted: {@code text/plain} and {@code text/html} (metadata in query parameters), and
 * {@code application/json}, either the intake shape {@code {"title", "body", "published_at", "source_url",
 * "publisher", "format"}} or a GOV.UK Content API item (recognised by {@code base_path} and {@code details}).
 */
public final class IntakeRequests {
    private static final Set<String> INTAKE_FIELDS = Set.of("title", "body", "published_at", "source_url",
            "publisher", "format");

    private IntakeRequests() {
    }

    /** What a client may say about a text or HTML body, in query parameters. */
    public static class Metadata {
        @QueryParam("title")
        String title;
        @QueryParam("published")
        String published;
        @QueryParam("source_url")
        String sourceUrl;
        @QueryParam("publisher")
        String publisher;

        public Metadata() {
        }

        /** What a caller other than HTTP (the feed poller) knows about a document, as the query would say it. */
        public Metadata(String title, String published, String sourceUrl, String publisher) {
            this.title = title;
            this.published = published;
            this.sourceUrl = sourceUrl;
            this.publisher = publisher;
        }

        String title() {
            return title;
        }

        String published() {
            return published;
        }

        String sourceUrl() {
            return sourceUrl;
        }

        String publisher() {
            return publisher;
        }
    }

    public static IntakeDocument read(String contentType, byte[] body, Metadata query, int maxBytes) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("empty-body", "The request body is empty: send the announcement.");
        }
        if (body.length > maxBytes) {
            throw new ProblemException(Problem.of(413, "too-large", "Payload too large",
                    "The body has " + body.length + " bytes; at most " + maxBytes + " are accepted."));
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        InputFormat format = switch (mediaType) {
            case "text/plain" -> InputFormat.TEXT;
            case "text/html", "application/xhtml+xml" -> InputFormat.HTML;
            case "application/json" -> null; // the intake shape or a GOV.UK item: told apart by its fields
            default -> throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send text/plain, text/html or application/json, not '" + contentType + "'."));
        };
        String text = decodeUtf8(body);
        if (text.isBlank()) {
            throw ProblemException.badRequest("empty-body", "The request body holds only white space.");
        }
        return format == null ? fromJson(text) : fromText(mediaType, text, format, query);
    }

    private static IntakeDocument fromText(String mediaType, String text, InputFormat format, Metadata query) {
        Instant published = query.published() == null ? null : instant("published", query.published());
        String sourceUrl = query.sourceUrl() == null ? null : httpUrl("source_url", query.sourceUrl());
        String title = blankToNull(query.title());
        return new IntakeDocument(mediaType, text, format, title, published, sourceUrl,
                blankToNull(query.publisher()), (title == null ? "" : title + "\n") + text);
    }

    private static IntakeDocument fromJson(String text) {
        ObjectNode object = JsonBodies.object(text, "Send the announcement as a JSON object.");
        if (object.has("base_path") && object.has("details")) {
            return fromGovukContent(object, text);
        }
        JsonBodies.onlyKnownFields(object, INTAKE_FIELDS);
        String body = text(object, "body");
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidParameter("body", "Field 'body' is required and must be a non-empty string.");
        }
        String title = blankToNull(text(object, "title"));
        String published = text(object, "published_at");
        String sourceUrl = text(object, "source_url");
        String formatName = text(object, "format");
        InputFormat format;
        if (formatName == null) {
            format = body.stripLeading().startsWith("<") ? InputFormat.HTML : InputFormat.TEXT;
        } else if (formatName.equalsIgnoreCase("text")) {
            format = InputFormat.TEXT;
        } else if (formatName.equalsIgnoreCase("html")) {
            format = InputFormat.HTML;
        } else {
            throw ProblemException.invalidParameter("format", "Field 'format' must be 'text' or 'html'.");
        }
        return new IntakeDocument("application/json", body, format, title,
                published == null ? null : instant("published_at", published),
                sourceUrl == null ? null : httpUrl("source_url", sourceUrl),
                blankToNull(text(object, "publisher")), (title == null ? "" : title + "\n") + body);
    }

    private static IntakeDocument fromGovukContent(ObjectNode object, String text) {
        String basePath = text(object, "base_path");
        if (basePath == null || !basePath.startsWith("/")) {
            throw ProblemException.invalidParameter("base_path", "A GOV.UK content item needs a base_path starting with '/'.");
        }
        return new IntakeDocument("application/json", text, InputFormat.GOVUK_CONTENT, text(object, "title"), null,
                "https://www.gov.uk" + basePath, null, text);
    }

    private static String decodeUtf8(byte[] body) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            String text = chars.toString();
            if (text.indexOf('\u0000') >= 0) {
                throw ProblemException.badRequest("binary-content", "The body holds NUL characters: send text.");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-encoding", "The body is not valid UTF-8.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
