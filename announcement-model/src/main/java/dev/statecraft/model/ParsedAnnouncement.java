package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * What the parser extracts from one document, before ingest gives it an id and a revision.
 *
 * <p>{@code publishedAtInferred} is true when the publication date came from the text or the ingest date
 * rather than from the input's metadata. {@code sourceUrl}, {@code publisher} and {@code format} are filled
 * where the input itself says them (GOV.UK content does).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ParsedAnnouncement(
        String title,
        String summary,
        String bodyText,
        Instant publishedAt,
        boolean publishedAtInferred,
        String sourceUrl,
        String publisher,
        String format,
        Kind kind,
        List<CountryMention> countries,
        List<OrganisationMention> organisations,
        List<PersonMention> persons,
        List<LocationMention> locations,
        List<DateMention> dates,
        List<Amount> amounts,
        List<Quantity> quantities,
        List<Quote> quotes,
        List<Sanction> sanctions,
        List<Engagement> engagements) {

    public ParsedAnnouncement {
        kind = kind == null ? Kind.OTHER : kind;
        countries = Lists.copy(countries);
        organisations = Lists.copy(organisations);
        persons = Lists.copy(persons);
        locations = Lists.copy(locations);
        dates = Lists.copy(dates);
        amounts = Lists.copy(amounts);
        quantities = Lists.copy(quantities);
        quotes = Lists.copy(quotes);
        sanctions = Lists.copy(sanctions);
        engagements = Lists.copy(engagements);
    }

    /** The same result with the publication time the submitter gave, which wins over anything inferred. */
    public ParsedAnnouncement withPublishedAt(Instant at) {
        return new ParsedAnnouncement(title, summary, bodyText, at, false, sourceUrl, publisher, format, kind,
                countries, organisations, persons, locations, dates, amounts, quantities, quotes, sanctions,
                engagements);
    }
}
