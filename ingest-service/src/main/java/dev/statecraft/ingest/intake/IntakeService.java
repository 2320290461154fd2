package dev.statecraft.ingest.intake;

import dev.statecraft.ingest.identity.AnnouncementIdentity;
import dev.statecraft.ingest.outbox.OutboxRelay;
import dev.statecraft.ingest.outbox.OutboxRow;
import dev.statecraft.ingest.store.AnnouncementRow;
import dev.statecraft.ingest.store.RawDocumentRow;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.Source;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.support.logging.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Accepts a document: parses it, then stores the raw document, the announcement and its outbox event in one
 * transaction. A document seen before (same canonical URL, or same content) with the same content is a
 * duplicate and changes nothing; the same URL with new content is a correction and becomes a new revision.
 * A new document (the common case) is stored by one plain SQL statement ({@link NewAnnouncementWriter}); only
 * when its key exists does the locked Hibernate path below decide between duplicate and revision.
 */
@ApplicationScoped
public class IntakeService {
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    @Inject
    AnnouncementParser parser;
    @Inject
    EntityManager em;
    @Inject
    NewAnnouncementWriter newAnnouncements;
    @Inject
    OutboxRelay relay;
    @Inject
    MeterRegistry registry;

    public IntakeResult accept(IntakeDocument doc) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Parsing is pure CPU: done before the transaction so it holds no connection meanwhile.
        ParsedAnnouncement parsed = parse(doc, now);
        String sourceUrl = doc.sourceUrl() != null ? doc.sourceUrl() : parsed.sourceUrl();
        String canonicalUrl = AnnouncementIdentity.canonicalUrl(sourceUrl);
        String contentHash = AnnouncementIdentity.contentHash(doc.identityText());
        String dedupeKey = AnnouncementIdentity.dedupeKey(canonicalUrl, contentHash);
        IntakeResult stored = storeNew(doc, parsed, canonicalUrl, contentHash, dedupeKey, now);
        if (stored == null) {
            // seen before (or being stored by a concurrent post, which the insert waited for): duplicate or revision
            ParsedAnnouncement result = parsed;
            stored = QuarkusTransaction.requiringNew().call(
                    () -> store(doc, result, canonicalUrl, contentHash, dedupeKey, now));
        }
        if (stored.status() != IntakeResult.Status.DUPLICATE) {
            relay.wakeUp();
        }
        registry.counter("statecraft.intake", "status", stored.status().wire()).increment();
        return stored;
    }

    /** The common case in one committed statement; null when the dedupe key exists already. */
    private IntakeResult storeNew(IntakeDocument doc, ParsedAnnouncement parsed, String canonicalUrl,
            String contentHash, String dedupeKey, Instant now) {
        String id = AnnouncementIdentity.idFor(dedupeKey);
        try (LogContext ignored = LogContext.announcement(id)) {
            Announcement event = eventFor(id, 1, doc, parsed, canonicalUrl, now);
            if (!newAnnouncements.insertFirstRevision(dedupeKey, contentHash, doc, event, now)) {
                return null;
            }
            LOG.infof("announcement %s: stored revision 1 (new, kind %s) and queued %s", id, event.kind().wire(),
                    AnnouncementEvents.typeFor(1));
            return new IntakeResult(id, 1, IntakeResult.Status.ACCEPTED);
        }
    }

    private IntakeResult store(IntakeDocument doc, ParsedAnnouncement parsed, String canonicalUrl, String contentHash,
            String dedupeKey, Instant now) {
        try (LogContext ignored = LogContext.announcement(AnnouncementIdentity.idFor(dedupeKey))) {
            return storeLogged(doc, parsed, canonicalUrl, contentHash, dedupeKey, now);
        }
    }

    private IntakeResult storeLogged(IntakeDocument doc, ParsedAnnouncement parsed, String canonicalUrl,
            String contentHash, String dedupeKey, Instant now) {
        // Two submissions of one document at once: the second waits here, then sees the first.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, dedupeKey).getSingleResult();
        AnnouncementRow row = AnnouncementRow.byDedupeKey(dedupeKey).orElse(null);
        if (row != null && row.contentHash.equals(contentHash)) {
            LOG.infof("announcement %s: duplicate submission ignored (revision %d stays)", row.id, row.revision);
            return new IntakeResult(row.id, row.revision, IntakeResult.Status.DUPLICATE);
        }
        boolean isNew = row == null;
        if (isNew) {
            row = new AnnouncementRow();
            row.id = AnnouncementIdentity.idFor(dedupeKey);
            row.dedupeKey = dedupeKey;
            row.revision = 1;
            row.ingestedAt = now;
        } else {
            row.revision += 1;
        }
        Announcement event = eventFor(row.id, row.revision, doc, parsed, canonicalUrl, now);
        String eventType = writeRevision(row, isNew, doc, event, contentHash, now, now);

        LOG.infof("announcement %s: stored revision %d (%s, kind %s) and queued %s", row.id, row.revision,
                isNew ? "new" : "correction", event.kind().wire(), eventType);
        return new IntakeResult(row.id, row.revision,
                isNew ? IntakeResult.Status.ACCEPTED : IntakeResult.Status.REVISED);
    }

    /** Runs the current parser over a document; a publication date the client gave wins over the parser's. */
    public ParsedAnnouncement parse(IntakeDocument doc, Instant ingestedAt) {
        ParsedAnnouncement parsed = Timer.builder("statecraft.parse").description("Time to parse one document")
                .tag("format", doc.format().wire()).publishPercentileHistogram().register(registry)
                .record(() -> parser.parse(doc.toParserInput(ingestedAt)));
        return doc.publishedAt() != null ? parsed.withPublishedAt(doc.publishedAt()) : parsed;
    }

    /** The full event of one revision of an announcement (also what a re-parse compares against). */
    public Announcement eventFor(String id, int revision, IntakeDocument doc, ParsedAnnouncement parsed,
            String canonicalUrl, Instant now) {
        String publisher = doc.publisher() != null ? doc.publisher() : parsed.publisher();
        String format = parsed.format() != null ? parsed.format() : doc.format().wire();
        return Announcement.of(id, revision, new Source(canonicalUrl, publisher, format), now,
                AnnouncementParser.VERSION, parsed);
    }

    /**
     * In the caller's transaction: makes {@code event} the announcement's current revision, keeps the raw document
     * under that revision (as received at {@code receivedAt}, which a re-parse hands the parser again) and queues
     * the event in the outbox. Returns the event type queued.
     */
    public String writeRevision(AnnouncementRow row, boolean isNew, IntakeDocument doc, Announcement event,
            String contentHash, Instant receivedAt, Instant now) {
        String payload = AnnouncementJson.write(event);
        row.revision = event.revision();
        row.contentHash = contentHash;
        row.sourceUrl = event.source().url();
        row.publisher = event.source().publisher();
        row.format = event.source().format();
        row.title = event.title();
        row.publishedAt = event.publishedAt();
        row.updatedAt = now;
        row.parserVersion = AnnouncementParser.VERSION;
        row.event = payload;
        if (isNew) {
            row.persist();
        }

        RawDocumentRow raw = new RawDocumentRow();
        raw.key = new RawDocumentRow.Key(row.id, row.revision);
        raw.contentType = doc.contentType();
        raw.content = doc.content();
        raw.suppliedTitle = doc.title();
        raw.suppliedPublishedAt = doc.publishedAt();
        raw.suppliedSourceUrl = doc.sourceUrl();
        raw.suppliedPublisher = doc.publisher();
        raw.receivedAt = receivedAt;
        raw.persist();

        OutboxRow outbox = new OutboxRow();
        outbox.announcementId = row.id;
        outbox.revision = row.revision;
        outbox.eventType = AnnouncementEvents.typeFor(row.revision);
        outbox.payload = payload;
        outbox.createdAt = now;
        outbox.persist();
        return outbox.eventType;
    }
}
