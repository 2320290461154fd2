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
        String event, long contentHash) {

    public static EntryRow of(Announcement a) {
        String publisher = a.source() == null ? null : a.source().publisher();
        String sourceUrl = a.source() == null ? null : a.source().url();
        List<String> locations = locationNames(a);
        List<MentionedDates.Range> dates = MentionedDates.ranges(a.dates());
        String event = AnnouncementJson.write(a);
        long hash = contentHash(a.id(), a.revision(), PgTime.unixMicros(a.publishedAt()), a.kind().wire(), a.title(),
                a.summary(), publisher, sourceUrl, a.countryCodes(), a.organisationIds(), a.personNames(), locations,
                a.bodyText(), dates, event);
        return new EntryRow(a.id(), a.revision(), a.publishedAt(), a.kind().wire(), a.title(), a.summary(),
                publisher, sourceUrl, a.countryCodes(), a.organisationIds(), a.personNames(), locations, a.bodyText(),
                dates, SearchVector.analyse(a.title(), a.bodyText()), event, hash);
    }

    /**
     * The hash of a row's content: every stored column but the search vector (which only title and body make and
     * no item shows), applied_at and change_seq; the publication time as stored (microseconds since 1970), the
     * mentioned dates as PostgreSQL stores them (sorted, overlapping and adjacent ranges merged). A rebuild also
     * computes it from a stored row that has none (stored before V17), so the two must agree.
     */
    public static long contentHash(String id, int revision, long publishedMicros, String kind, String title,
            String summary, String publisher, String sourceUrl, List<String> countries, List<String> organisations,
            List<String> persons, List<String> locations, String bodyText, List<MentionedDates.Range> mentionedDates,
            String event) {
        return new ContentHash().add(id).add(revision).add(publishedMicros).add(kind).add(title).add(summary)
                .add(publisher).add(sourceUrl).add(countries).add(organisations).add(persons).add(locations)
                .add(bodyText).addRanges(mentionedDates).add(event).value();
    }

    /**
     * The columns in the order of {@link #values()}; applied_at and change_seq are set by the writer. content_hash
     * (V17) is {@link #contentHash()}: a rebuild keeps the change number of a row whose hash it finds unchanged.
     */
    public static final List<String> COLUMNS = List.of("id", "revision", "published_at", "kind", "title", "summary",
            "publisher", "source_url", "countries", "organisations", "persons", "locations", "body_text",
            "mentioned_dates", "search", "event", "content_hash");

    /** The values in the order of {@link #COLUMNS}, in the text form PostgreSQL reads (null stays null). */
    public String[] values() {
        return new String[] {id, Integer.toString(revision), publishedAt.toString(), kind, title, summary, publisher,
            sourceUrl, PgArrays.literal(countries), PgArrays.literal(organisations), PgArrays.literal(persons),
            PgArrays.literal(locations), bodyText, MentionedDates.literalOf(mentionedDates), search.text(), event,
            Long.toString(contentHash)};
    }

    private static List<String> locationNames(Announcement a) {
        return a.locations().stream().map(LocationMention::name).filter(n -> n != null && !n.isBlank()).distinct()
                .toList();
    }
}
