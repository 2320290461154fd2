package dev.statecraft.ingest.parse;

import dev.statecraft.parser.AnnouncementParser;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One parser for the service: it loads its gazetteers once and is safe to share between threads. Singleton,
 * not application-scoped: the parser is a final plain-Java class and needs no client proxy. */
public class ParserProducer {
    @Produces
    @Singleton
    AnnouncementParser parser() {
        return new AnnouncementParser();
    }
}
