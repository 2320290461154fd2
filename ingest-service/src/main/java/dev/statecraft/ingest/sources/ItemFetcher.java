package dev.statecraft.ingest.sources;

import dev.statecraft.ingest.intake.IntakeDocument;
import dev.statecraft.ingest.intake.IntakeRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Turns a feed entry into an intake document: for a GOV.UK page the Content API item (full body and
 * metadata), for any other link the HTML page with what the feed says about it. Both go through the same
 * validation as an HTTP submission ({@link IntakeRequests}).
 */
final class ItemFetcher {
    private final SafeFetcher fetcher;
    private final String govukContentApi;
    private final int maxBytes;

    ItemFetcher(SafeFetcher fetcher, String govukContentApi, int maxBytes) {
        this.fetcher = fetcher;
        this.govukContentApi = govukContentApi.endsWith("/")
                ? govukContentApi.substring(0, govukContentApi.length() - 1) : govukContentApi;
        this.maxBytes = maxBytes;
    }

    IntakeDocument fetch(FeedEntries.Entry entry, String publisher) throws IOException, InterruptedException {
        URI link;
        try {
            link = new URI(entry.link());
        } catch (URISyntaxException e) {
            throw new SafeFetcher.FetchException("entry link '" + entry.link() + "' is not a URL", true);
        }
        String govukPath = govukPath(link);
        if (govukPath != null) {
            SafeFetcher.Fetched item = fetcher.fetch(URI.create(govukContentApi + govukPath), "application/json",
                    null, null, maxBytes);
            return IntakeRequests.read("application/json", item.body(), new IntakeRequests.Metadata(), maxBytes);
        }
        SafeFetcher.Fetched page = fetcher.fetch(link, "text/html, application/xhtml+xml;q=0.9", null, null,
                maxBytes);
        byte[] utf8 = new String(page.body(), charsetOf(page.contentType())).getBytes(StandardCharsets.UTF_8);
        IntakeRequests.Metadata metadata = new IntakeRequests.Metadata(entry.title(),
                entry.published() == null ? null : entry.published().toString(), page.finalUri().toString(),
                publisher);
        return IntakeRequests.read("text/html", utf8, metadata, maxBytes);
    }

    /** The path of a www.gov.uk page (no query, no fragment), or null for any other link. */
    static String govukPath(URI link) {
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        String path = link.getRawPath();
        if ((host.equals("www.gov.uk") || host.equals("gov.uk")) && path != null && path.length() > 1) {
            return path;
        }
        return null;
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
