package dev.statecraft.parser.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads HTML with jsoup: drops scripts, navigation and page furniture, picks the main content element and
 * turns its block elements into paragraphs. Paragraphs inside a blockquote are marked as quoted speech.
 */
public final class HtmlReader {
    private static final String FURNITURE = "script, style, noscript, template, svg, iframe, form, button, nav, "
            + "header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
    private static final Pattern BOILERPLATE_MARKER = Pattern.compile(
            "cookie|breadcrumb|share|social|related|skip-link|navbar|menu|sidebar|banner|feedback|print-link|contact",
            Pattern.CASE_INSENSITIVE);
    private static final String MAIN_CONTENT = ".govspeak, main, article, [role=main], #content";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "td", "th", "dt", "dd", "pre", "section", "article", "main", "tr", "ul", "ol", "table",
            "figure", "figcaption", "address", "hr", "body");

    private HtmlReader() {
    }

    public static SourceDocument read(String html) {
        Document doc = Jsoup.parse(html);
        String title = firstText(doc, "h1", "meta[property=og:title]", "title");
        String published = attribute(doc, "meta[property=article:published_time]", "content");
        if (published == null) {
            published = attribute(doc, "time[datetime]", "datetime");
        }
        String url = attribute(doc, "link[rel=canonical]", "href");
        Instant publishedAt = instant(published);
        return new SourceDocument(title, attribute(doc, "meta[name=description]", "content"), body(doc.body()),
                publishedAt, publishedAt == null ? published : null, url, null, "html", null, List.of(), List.of(),
                List.of());
    }

    /** Paragraphs of an HTML fragment (e.g. GOV.UK's details.body). */
    public static Body bodyOf(String htmlFragment) {
        return body(Jsoup.parseBodyFragment(htmlFragment).body());
    }

    private static Body body(Element root) {
        if (root == null) {
            return Body.EMPTY;
        }
        root.select(FURNITURE).remove();
        for (Element e : root.select("[class], [id]")) {
            if (e.parent() != null && BOILERPLATE_MARKER.matcher(e.className() + " " + e.id()).find()) {
                e.remove();
            }
        }
        Elements main = root.select(MAIN_CONTENT);
        Element content = main.isEmpty() ? root : main.first();
        ParagraphCollector collector = new ParagraphCollector();
        NodeTraversor.traverse(collector, content);
        collector.flush();
        return collector.body.build();
    }

    private static String firstText(Document doc, String... queries) {
        for (String query : queries) {
            Element e = doc.selectFirst(query);
            if (e != null) {
                String text = e.hasAttr("content") ? e.attr("content") : e.text();
                if (!text.isBlank()) {
                    return Whitespace.collapse(text);
                }
            }
        }
        return null;
    }

    /** The page's own publication time (article:published_time, time[datetime]), when it parses. */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String attribute(Document doc, String query, String attribute) {
        Element e = doc.selectFirst(query);
        return e == null || e.attr(attribute).isBlank() ? null : e.attr(attribute);
    }

    /** Walks the tree iteratively (deeply nested input cannot overflow the stack). */
    private static final class ParagraphCollector implements NodeVisitor {
        private final BodyBuilder body = new BodyBuilder();
        private final StringBuilder current = new StringBuilder();
        private int quoteDepth;
        private boolean currentInQuote;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (current.isEmpty()) {
                    currentInQuote = quoteDepth > 0;
                }
                current.append(text.getWholeText());
            } else if (node instanceof Element e) {
                if (e.normalName().equals("br")) {
                    flush();
                } else if (BLOCKS.contains(e.normalName())) {
                    flush();
                }
                if (e.normalName().equals("blockquote")) {
                    quoteDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (BLOCKS.contains(e.normalName())) {
                    flush();
                } else if (e.normalName().equals("td") || e.normalName().equals("li")) {
                    current.append(' ');
                }
                if (e.normalName().equals("blockquote")) {
                    quoteDepth--;
                }
            }
        }

        void flush() {
            body.add(current, currentInQuote);
            current.setLength(0);
        }
    }
}
