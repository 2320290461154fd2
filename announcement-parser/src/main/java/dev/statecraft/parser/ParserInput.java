package dev.statecraft.parser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One document to parse.
 *
 * @param content       the raw document (plain text, HTML or GOV.UK Content API JSON); null reads as empty
 * @param title         the title, when the caller knows it; else the parser derives one
 * @param publishedDate the publication date, when the caller knows it; it wins over anything in the text
 * @param ingestedAt    when the document was received: the fallback publication date
 */
public record ParserInput(String content, InputFormat format, String title, LocalDate publishedDate,
        Instant ingestedAt) {
    public ParserInput {
        content = content == null ? "" : content;
        format = format == null ? InputFormat.TEXT : format;
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    public static ParserInput text(String content, Instant ingestedAt) {
        return new ParserInput(content, InputFormat.TEXT, null, null, ingestedAt);
    }

    public static ParserInput text(String content, LocalDate publishedDate, Instant ingestedAt) {
        return new ParserInput(content, InputFormat.TEXT, null, publishedDate, ingestedAt);
    }

    public static ParserInput html(String content, Instant ingestedAt) {
        return new ParserInput(content, InputFormat.HTML, null, null, ingestedAt);
    }

    public static ParserInput govukContent(String json, Instant ingestedAt) {
        return new ParserInput(json, InputFormat.GOVUK_CONTENT, null, null, ingestedAt);
    }
}
