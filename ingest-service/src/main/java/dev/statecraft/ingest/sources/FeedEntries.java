package dev.statecraft.ingest.sources;

import static dev.statecraft.support.Failures.rootMessage;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/** The entries of an Atom or RSS document (Rome does the parsing), oldest first. */
final class FeedEntries {
    private FeedEntries() {
    }

    /**
     * One entry. {@code key} is what makes it "seen": the entry id (GOV.UK's change with each update, so an
     * updated page is fetched again and becomes a revision), else its link.
     */
    record Entry(String key, String link, String title, Instant published) {
    }

    static List<Entry> parse(byte[] document) throws IOException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new SafeFetcher.FetchException("not a readable Atom/RSS feed: " + rootMessage(e), false);
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = blankToNull(e.getLink());
            String key = blankToNull(e.getUri()) != null ? e.getUri().trim() : link;
            if (link == null || key == null) {
                continue;
            }
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            entries.add(new Entry(key, link.trim(), blankToNull(e.getTitle()), date == null ? null : date.toInstant()));
        }
        // Feeds list the newest first; ingesting the oldest first keeps revisions in order.
        Collections.reverse(entries);
        return entries;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
