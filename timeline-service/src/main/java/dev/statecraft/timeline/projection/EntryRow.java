package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.LocationMention;
import dev.statecraft.timeline.search.SearchVector;
import java.util.List;

/**
 * One announcement as a row of a timeline table, every column in the text form PostgreSQL reads, derived
 * columns included (the search vector and the mentioned dates are computed here, on the projection's threads,
 * not per row in the database). The only place a row is built: the live upsert binds it, the rebuild COPYs it,
 * so both store the same row for the same event.
 */
public record EntryRow(String id, int revision, String publishedAt, String kind, String title, String summary,
        String publisher, String sourceUrl, String countries, String organisations, String persons,
        String locations, String bodyText, String mentionedDates, String search, String event) {

    public static EntryRow of(Announcement a) {
        return new EntryRow(a.id(), a.revision(), a.publishedAt().toString(), a.kind().wire(), a.title(),
                a.summary(), a.source() == null ? null : a.source().publisher(),
                a.source() == null ? null : a.source().url(), PgArrays.literal(a.countryCodes()),
                PgArrays.literal(a.organisationIds()), PgArrays.literal(a.personNames()),
                PgArrays.literal(locationNames(a)), a.bodyText(), MentionedDates.literal(a.dates()),
                SearchVector.of(a.title(), a.bodyText()), AnnouncementJson.write(a));
    }

    /** The columns in the order of {@link #values()}; applied_at and change_seq are set by the writer. */
    public static final List<String> COLUMNS = List.of("id", "revision", "published_at", "kind", "title", "summary",
            "publisher", "source_url", "countries", "organisations", "persons", "locations", "body_text",
            "mentioned_dates", "search", "event");

    /** The values in the order of {@link #COLUMNS}, as text (null stays null). */
    public String[] values() {
        return new String[] {id, Integer.toString(revision), publishedAt, kind, title, summary, publisher, sourceUrl,
            countries, organisations, persons, locations, bodyText, mentionedDates, search, event};
    }

    private static List<String> locationNames(Announcement a) {
        return a.locations().stream().map(LocationMention::name).filter(n -> n != null && !n.isBlank()).distinct()
                .toList();
    }
}
