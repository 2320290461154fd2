package dev.statecraft.ingest.intake;

import dev.statecraft.parser.InputFormat;
import dev.statecraft.parser.ParserInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One document as a client submitted it, validated: the content for the parser and what the client said
 * about it. {@code identityText} is what the content hash is taken over when there is no source URL.
 */
public record IntakeDocument(
        String contentType,
        String content,
        InputFormat format,
        String title,
        Instant publishedAt,
        String sourceUrl,
        String publisher,
        String identityText) {

    public ParserInput toParserInput(Instant ingestedAt) {
        LocalDate published = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        return new ParserInput(content, format, title, published, ingestedAt);
    }
}
