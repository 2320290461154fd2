package dev.statecraft.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private static final List<MentionedDates.Range> NONE = List.of();

    @Test
    void equalRowsHashAlikeAndEveryFieldCounts() {
        long base = hash("ann_1", 1, "Title", "Summary", "Body", List.of("GB", "FR"), NONE, "{}");
        assertThat(hash("ann_1", 1, "Title", "Summary", "Body", List.of("GB", "FR"), NONE, "{}")).isEqualTo(base);
        assertThat(hash("ann_2", 1, "Title", "Summary", "Body", List.of("GB", "FR"), NONE, "{}")).isNotEqualTo(base);
        assertThat(hash("ann_1", 2, "Title", "Summary", "Body", List.of("GB", "FR"), NONE, "{}")).isNotEqualTo(base);
        assertThat(hash("ann_1", 1, "Title", "Summary", "Body", List.of("FR", "GB"), NONE, "{}")).isNotEqualTo(base);
        assertThat(hash("ann_1", 1, "Title", "Summary", "Body", List.of("GB", "FR"), NONE, "{ }")).isNotEqualTo(base);
        // Text moved from one field to the next, or split differently within a list; null is not empty.
        assertThat(hash("ann_1", 1, "TitleS", "ummary", "Body", List.of("GB", "FR"), NONE, "{}")).isNotEqualTo(base);
        assertThat(hash("ann_1", 1, "Title", "Summary", "Body", List.of("GBF", "R"), NONE, "{}")).isNotEqualTo(base);
        assertThat(hash("ann_1", 1, "Title", null, "Body", List.of(), NONE, "{}"))
                .isNotEqualTo(hash("ann_1", 1, "Title", "", "Body", List.of(), NONE, "{}"));
    }

    @Test
    void mentionedDatesHashAsTheMultirangeStoresThem() {
        // As listed by the mentions: unsorted, overlapping, adjacent; PostgreSQL stores [2030-01-01,2031-01-01),
        // [2031-05-01,2031-06-02).
        List<MentionedDates.Range> listed = List.of(range("2031-05-01", "2031-06-01"), range("2030-01-01",
                "2031-01-01"), range("2031-05-19", "2031-05-20"), range("2031-06-01", "2031-06-02"));
        List<MentionedDates.Range> stored = List.of(range("2030-01-01", "2031-01-01"), range("2031-05-01",
                "2031-06-02"));
        assertThat(hash("a", 1, "T", "S", "B", List.of(), listed, "{}"))
                .isEqualTo(hash("a", 1, "T", "S", "B", List.of(), stored, "{}"))
                .isNotEqualTo(hash("a", 1, "T", "S", "B", List.of(), stored.subList(0, 1), "{}"));
    }

    private static MentionedDates.Range range(String first, String end) {
        return new MentionedDates.Range(LocalDate.parse(first), LocalDate.parse(end));
    }

    private static long hash(String id, int revision, String title, String summary, String body,
            List<String> countries, List<MentionedDates.Range> dates, String event) {
        return EntryRow.contentHash(id, revision, 1_700_000_000_000_000L, "visit", title, summary, "FCDO",
                "https://example.org/" + id, countries, List.of(), List.of(), List.of(), body, dates, event);
    }
}
