package dev.statecraft.timeline.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.statecraft.timeline.query.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A timeline page as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); {@code next_url} pages on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(
        String version,
        String title,
        @JsonProperty("feed_url") String feedUrl,
        @JsonProperty("next_url") String nextUrl,
        List<Item> items) {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String url,
            @JsonProperty("external_url") String externalUrl,
            String title,
            @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags) {
    }

    record Author(String name) {
    }

    static JsonFeed of(FeedPage page) {
        List<Item> items = page.items().stream().map(item -> item(page, item)).toList();
        return new JsonFeed(VERSION, FeedPage.TITLE, page.self(), page.next(), items);
    }

    private static Item item(FeedPage page, TimelineItem item) {
        List<String> tags = new ArrayList<>();
        tags.add(item.kind());
        tags.addAll(item.countries());
        return new Item(FeedPage.entryId(item), page.announcementUrl(item), item.sourceUrl(), item.title(),
                item.summary() == null ? item.title() : item.summary(), item.publishedAt(), item.updatedAt(),
                item.publisher() == null ? null : List.of(new Author(item.publisher())), tags);
    }
}
