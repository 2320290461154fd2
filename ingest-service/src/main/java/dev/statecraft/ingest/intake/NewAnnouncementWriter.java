package dev.statecraft.ingest.intake;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.support.tracing.StoredTraceContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The intake's common case, a document never seen before, in one SQL statement: the announcement row (first
 * revision), its raw document and its outbox row are inserted together, or none of them when the dedupe key (or
 * id) exists. Run outside a transaction, the statement is its own transaction, so it has committed when this
 * returns. A concurrent insert of the same key waits for the first to commit and then inserts nothing: the caller
 * falls back to the locked path (duplicate or revision). This replaced three Hibernate persists, an advisory lock
 * and a lookup in a JTA transaction, the largest CPU cost of ingest under load.
 */
@ApplicationScoped
public class NewAnnouncementWriter {
    private static final String INSERT_FIRST_REVISION = """
            with a as (
                insert into announcement (id, dedupe_key, revision, content_hash, source_url, publisher, format, title,
                                          published_at, ingested_at, updated_at, parser_version, event)
                values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning id, event),
            r as (
                insert into raw_document (announcement_id, revision, content_type, content, supplied_title,
                                          supplied_published_at, supplied_source_url, supplied_publisher, received_at)
                select id, 1, ?, ?, ?, ?, ?, ?, ? from a),
            o as (
                insert into outbox (announcement_id, revision, event_type, payload, created_at, traceparent, tracestate)
                select id, 1, ?, event, ?, ?, ? from a)
            select id from a
            """;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Stores {@code event} (revision 1) with its raw document and outbox row. Returns false, having written
     * nothing, when an announcement with this dedupe key or id exists already.
     */
    public boolean insertFirstRevision(String dedupeKey, String contentHash, IntakeDocument doc, Announcement event,
            Instant now) {
        if (event.revision() != 1) {
            throw new IllegalArgumentException("not a first revision: " + event.revision());
        }
        StoredTraceContext trace = StoredTraceContext.current();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_FIRST_REVISION)) {
            int i = 0;
            insert.setString(++i, event.id());
            insert.setString(++i, dedupeKey);
            insert.setString(++i, contentHash);
            insert.setString(++i, event.source().url());
            insert.setString(++i, event.source().publisher());
            insert.setString(++i, event.source().format());
            insert.setString(++i, event.title());
            setInstant(insert, ++i, event.publishedAt());
            setInstant(insert, ++i, now);
            setInstant(insert, ++i, now);
            insert.setString(++i, AnnouncementParser.VERSION);
            insert.setString(++i, AnnouncementJson.write(event));
            insert.setString(++i, doc.contentType());
            insert.setString(++i, doc.content());
            insert.setString(++i, doc.title());
            setInstant(insert, ++i, doc.publishedAt());
            insert.setString(++i, doc.sourceUrl());
            insert.setString(++i, doc.publisher());
            setInstant(insert, ++i, now);
            insert.setString(++i, AnnouncementEvents.typeFor(1));
            setInstant(insert, ++i, now);
            insert.setString(++i, trace.traceparent());
            insert.setString(++i, trace.tracestate());
            try (ResultSet inserted = insert.executeQuery()) {
                return inserted.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing announcement " + event.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
