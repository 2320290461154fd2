package dev.statecraft.timeline.projection;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.LocationMention;
import dev.statecraft.timeline.search.SearchVector;
import java.time.Instant;
import java.util.List;

/**
 * One announcement as a row of a timeline table, derived columns included (the search vector and the mentioned
 * dates are computed here, on the projection's threads, not per row in the database). The only place a row is
 * built: the live upsert binds its text forms ({@link #values()}), the rebuild COPYs the same values in
 * PostgreSQL's binary form (rebuild/CopyBinary), so both store the same row for the same event.
 */
public record EntryRow(String id, int revision, Instant publishedAt, String kind, String title, String summary,
        String publisher, String sourceUrl, List<String> countries, List<String> organisations, List<String> persons,
        List<String> locations, String bodyText, List<MentionedDates.Range> mentionedDates, SearchVector search,
        String event) {

    public static EntryRow of(Announcement a) {
        return new EntryRow(a.id(), a.revision(), a.publishedAt(), a.kind().wire(), a.title(), a.summary(),
                a.source() == null ? null : a.source().publisher(), a.source() == null ? null : a.source().url(),
                a.countryCodes(), a.organisationIds(), a.personNames(), locationNames(a), a.bodyText(),
                MentionedDates.ranges(a.dates()), SearchVector.analyse(a.title(), a.bodyText()),
                AnnouncementJson.write(a));
    }

    /** The columns in the order of {@link #values()}; applied_at and change_seq are set by the writer. */
    public static final List<String> COLUMNS = List.of("id", "revision", "published_at", "kind", "title", "summary",
            "publisher", "source_url", "countries", "organisations", "persons", "locations", "body_text",
            "mentioned_dates", "search", "event");

    /** The values in the order of {@link #COLUMNS}, in the text form PostgreSQL reads (null stays null). */
    public String[] values() {
        return new String[] {id, Integer.toString(revision), publishedAt.toString(), kind, title, summary, publisher,
            sourceUrl, PgArrays.literal(countries), PgArrays.literal(organisations), PgArrays.literal(persons),
            PgArrays.literal(locations), bodyText, MentionedDates.literalOf(mentionedDates), search.text(), event};
    }

    private static List<String> locationNames(Announcement a) {
        return a.locations().stream().map(LocationMention::name).filter(n -> n != null && !n.isBlank()).distinct()
                .toList();
    }
}
