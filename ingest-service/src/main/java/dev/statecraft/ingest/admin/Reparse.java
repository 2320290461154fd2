package dev.statecraft.ingest.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statecraft.ingest.intake.IntakeDocument;
import dev.statecraft.ingest.intake.IntakeService;
import dev.statecraft.ingest.store.AnnouncementRow;
import dev.statecraft.ingest.store.RawDocumentRow;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.support.logging.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs the current parser over the stored raw document of an announcement's current revision and, where the
 * event would differ, stores the next revision with its outbox row through the intake's own code (so the relay
 * publishes a {@code revised.v1} event). The parser is given the document's original receipt time, so an
 * unchanged parser gives an unchanged result and a second run publishes nothing.
 */
@ApplicationScoped
public class Reparse {
    private static final Logger LOG = Logger.getLogger(Reparse.class);
    /** What differs between revisions by construction, not by what the parser found. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "revision", "ingested_at", "parser_version");
    private static final int MAX_SHOWN = 400;

    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    public record Outcome(String id, int revision, List<FieldChange> changes) {
        boolean changed() {
            return !changes.isEmpty();
        }
    }

    /** In the caller's transaction. Dry run: only says what would change. */
    public Outcome reparse(String id, boolean dryRun) {
        try (LogContext ignored = LogContext.announcement(id)) {
            AnnouncementRow row = em.find(AnnouncementRow.class, id);
            if (row == null) {
                return new Outcome(id, 0, List.of());
            }
            // The same lock as the intake: a correction arriving meanwhile waits, and we see its revision.
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, row.dedupeKey).getSingleResult();
            em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            RawDocumentRow raw = em.find(RawDocumentRow.class, new RawDocumentRow.Key(row.id, row.revision));
            if (raw == null) {
                throw new IllegalStateException("no raw document stored for revision " + row.revision);
            }
            IntakeDocument doc = new IntakeDocument(raw.contentType, raw.content, format(row.format),
                    raw.suppliedTitle, raw.suppliedPublishedAt, raw.suppliedSourceUrl, raw.suppliedPublisher, null);
            ParsedAnnouncement parsed = intake.parse(doc, raw.receivedAt);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Announcement candidate = intake.eventFor(row.id, row.revision + 1, doc, parsed, row.sourceUrl, now);
            List<FieldChange> changes = diff(row.event, AnnouncementJson.write(candidate));
            if (!changes.isEmpty() && !dryRun) {
                String type = intake.writeRevision(row, false, doc, candidate, row.contentHash, raw.receivedAt, now);
                LOG.infof("announcement %s: re-parse changed %s; stored revision %d and queued %s", id,
                        changes.stream().map(FieldChange::field).toList(), row.revision, type);
            }
            return new Outcome(id, row.revision, changes);
        }
    }

    private static InputFormat format(String wire) {
        for (InputFormat f : InputFormat.values()) {
            if (f.wire().equals(wire)) {
                return f;
            }
        }
        throw new IllegalStateException("unknown stored format " + wire);
    }

    /** Top-level fields of two events that differ, bookkeeping aside; long values shortened for the report. */
    static List<FieldChange> diff(String beforeJson, String afterJson) {
        JsonNode before = tree(beforeJson);
        JsonNode after = tree(afterJson);
        List<FieldChange> changes = new ArrayList<>();
        Set<String> fields = new java.util.TreeSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (BOOKKEEPING.contains(field)) {
                continue;
            }
            JsonNode b = before.get(field);
            JsonNode a = after.get(field);
            if (!java.util.Objects.equals(nullIfNull(b), nullIfNull(a))) {
                changes.add(new FieldChange(field, shown(b), shown(a)));
            }
        }
        return changes;
    }

    private static JsonNode nullIfNull(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    private static JsonNode shown(JsonNode n) {
        if (n == null) {
            return null;
        }
        String text = n.isTextual() ? n.asText() : n.toString();
        return text.length() <= MAX_SHOWN ? n : TextNode.valueOf(text.substring(0, MAX_SHOWN) + "…");
    }

    private static JsonNode tree(String json) {
        try {
            return AnnouncementJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }

}
