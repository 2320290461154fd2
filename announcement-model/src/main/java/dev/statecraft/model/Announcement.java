package dev.statecraft.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The v1 event on {@code statecraft.announcements}: the full state of one revision of an announcement
 * (event-carried state transfer). Readers ignore fields they do not know; a breaking change is a v2 type.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Announcement(
        String id,
        int revision,
        Source source,
        Instant publishedAt,
        boolean publishedAtInferred,
        Instant ingestedAt,
        String parserVersion,
        String title,
        String summary,
        String bodyText,
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

    public Announcement {
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

    /** The event for one revision of a parsed document. */
    public static Announcement of(String id, int revision, Source source, Instant ingestedAt, String parserVersion,
            ParsedAnnouncement parsed) {
        return new Announcement(id, revision, source, parsed.publishedAt(), parsed.publishedAtInferred(), ingestedAt,
                parserVersion, parsed.title(), parsed.summary(), parsed.bodyText(), parsed.kind(), parsed.countries(),
                parsed.organisations(), parsed.persons(), parsed.locations(), parsed.dates(), parsed.amounts(),
                parsed.quantities(), parsed.quotes(), parsed.sanctions(), parsed.engagements());
    }

    public List<String> countryCodes() {
        return countries.stream().map(CountryMention::code).distinct().toList();
    }

    public List<String> organisationIds() {
        return organisations.stream().map(OrganisationMention::id).distinct().toList();
    }

    public List<String> personNames() {
        return persons.stream().map(PersonMention::name).filter(n -> n != null && !n.isBlank()).distinct().toList();
    }
}
