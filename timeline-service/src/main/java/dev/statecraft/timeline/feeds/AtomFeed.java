package dev.statecraft.timeline.feeds;

import dev.statecraft.timeline.query.TimelineItem;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a timeline page as an Atom feed (RFC 4287), paged with RFC 5005 first/next links. */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(FeedPage page) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", page.feedId());
            text(xml, "title", FeedPage.TITLE);
            text(xml, "updated", page.updated().toString());
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", FeedPage.TITLE);
            xml.writeEndElement();
            link(xml, "self", page.self(), "application/atom+xml");
            link(xml, "first", page.first(), "application/atom+xml");
            if (page.next() != null) {
                link(xml, "next", page.next(), "application/atom+xml");
            }
            for (TimelineItem item : page.items()) {
                entry(xml, page, item);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
    }

    private static void entry(XMLStreamWriter xml, FeedPage page, TimelineItem item) throws XMLStreamException {
        xml.writeStartElement(ATOM, "entry");
        text(xml, "id", FeedPage.entryId(item));
        text(xml, "title", item.title());
        text(xml, "updated", item.updatedAt().toString());
        text(xml, "published", item.publishedAt().toString());
        if (item.publisher() != null) {
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", item.publisher());
            xml.writeEndElement();
        }
        if (item.sourceUrl() != null) {
            link(xml, "alternate", item.sourceUrl(), "text/html");
        }
        link(xml, "related", page.announcementUrl(item), "application/json");
        category(xml, item.kind());
        for (String country : item.countries()) {
            category(xml, country);
        }
        if (item.summary() != null) {
            text(xml, "summary", item.summary());
        }
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static void category(XMLStreamWriter xml, String term) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("term", term);
    }
}
