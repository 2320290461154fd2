package dev.statecraft.ingest.parse;

import dev.statecraft.parser.AnnouncementParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One parser for the service: it loads its gazetteers once and is safe to share between threads. */
public class ParserProducer {
    @Produces
    @ApplicationScoped
    AnnouncementParser parser() {
        return new AnnouncementParser();
    }
}
