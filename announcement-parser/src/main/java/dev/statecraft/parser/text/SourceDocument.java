package dev.statecraft.parser.text;

import java.time.Instant;
import java.util.List;

/**
 * A document after format-specific reading, before extraction.
 *
 * @param title                 the title the source gives, or null
 * @param publishedAt           the exact publication instant from trusted metadata, or null
 * @param publishedLine         a publication date the text states in a header line ("Published: 2018-01-31")
 * @param metadataPlaces        world locations the source's metadata tags the document with
 * @param metadataOrganisations organisations the metadata names (publishers, worldwide organisations)
 * @param metadataPeople        people the metadata names, as written there ("The Rt Hon Theresa May MP")
 */
public record SourceDocument(String title, String summary, Body body, Instant publishedAt, String publishedLine,
        String sourceUrl, String publisher, String format, String documentType, List<String> metadataPlaces,
        List<String> metadataOrganisations, List<String> metadataPeople) {

    public SourceDocument {
        body = body == null ? Body.EMPTY : body;
        metadataPlaces = List.copyOf(metadataPlaces);
        metadataOrganisations = List.copyOf(metadataOrganisations);
        metadataPeople = List.copyOf(metadataPeople);
    }

    public static SourceDocument of(String title, Body body, String publishedLine, String sourceUrl, String format) {
        return new SourceDocument(title, null, body, null, publishedLine, sourceUrl, null, format, null, List.of(),
                List.of(), List.of());
    }
}
