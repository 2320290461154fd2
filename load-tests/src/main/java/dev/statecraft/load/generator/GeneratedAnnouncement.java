package dev.statecraft.load.generator;

import dev.statecraft.model.AnnouncementJson;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One synthetic press release, ready to post to the intake as its JSON shape. {@code index} is its place in
 * the generated sequence; {@code countries} and {@code intendedKind} say what the text was written about (the
 * parser decides what it actually finds).
 */
public record GeneratedAnnouncement(int index, String sourceUrl, String publisher, LocalDate publishedOn, String title,
        String body, String intendedKind, List<String> countries) {

    /** The intake's JSON shape: {@code {"title", "body", "published_at", "source_url", "publisher", "format"}}. */
    public String toIntakeJson() {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("title", title);
        doc.put("body", body);
        doc.put("published_at", publishedOn.toString());
        doc.put("source_url", sourceUrl);
        doc.put("publisher", publisher);
        doc.put("format", "text");
        return AnnouncementJson.write(doc);
    }
}
