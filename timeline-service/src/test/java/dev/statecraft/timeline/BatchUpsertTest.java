package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.Kind;
import dev.statecraft.model.Source;
import dev.statecraft.timeline.projection.EntryUpsert;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The rebuild's multi-row upsert keeps the live rule: newest revision wins, replays change nothing. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BatchUpsertTest {
    private static final String TABLE = "timeline_entry_batch_test";

    @Inject
    DataSource dataSource;

    @Test
    void newestRevisionWinsWithinABatchAndAcrossBatches() throws Exception {
        String a = Events.newId();
        String b = Events.newId();
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + " (like timeline_entry including all)");

            // Revision 2 before revision 1 in one batch: 2 stays, one row per id.
            int changed = EntryUpsert.applyAll(c, TABLE, List.of(
                    Events.announcement(a, 2, "A two", Kind.VISIT, at, "UA", "PL"),
                    Events.announcement(a, 1, "A one", Kind.VISIT, at, "UA"),
                    Events.announcement(b, 1, "B \"quoted\", {braced}", Kind.AID, at, "GB")));
            assertThat(changed).isEqualTo(2);
            assertThat(row(c, a)).isEqualTo("2|A two|{UA,PL}");
            assertThat(row(c, b)).isEqualTo("1|B \"quoted\", {braced}|{GB}");
            long seqA = changeSeq(c, a);

            // A replay of older or equal revisions changes nothing, not even the change number.
            assertThat(EntryUpsert.applyAll(c, TABLE, List.of(
                    Events.announcement(a, 1, "A one", Kind.VISIT, at, "UA"),
                    Events.announcement(a, 2, "A two again", Kind.VISIT, at, "UA")))).isZero();
            assertThat(row(c, a)).isEqualTo("2|A two|{UA,PL}");
            assertThat(changeSeq(c, a)).isEqualTo(seqA);

            // A newer one replaces and takes a new change number.
            assertThat(EntryUpsert.applyAll(c, TABLE, List.of(
                    Events.announcement(a, 3, "A three", Kind.MEETING, at, "DE")))).isEqualTo(1);
            assertThat(row(c, a)).isEqualTo("3|A three|{DE}");
            assertThat(changeSeq(c, a)).isGreaterThan(seqA);

            // Same stored values as the one-row upsert the live projection uses.
            Announcement single = Events.announcement(Events.newId(), 1, "Single", Kind.AID, at, "FR");
            EntryUpsert.apply(c, TABLE, single);
            String batchedId = Events.newId();
            Source source = new Source(single.source().url().replace(single.id(), batchedId),
                    single.source().publisher(), single.source().format());
            Announcement batched = new Announcement(batchedId, 1, source, single.publishedAt(), false,
                    single.ingestedAt(), single.parserVersion(), single.title(), single.summary(), single.bodyText(),
                    single.kind(), single.countries(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of());
            EntryUpsert.applyAll(c, TABLE, List.of(batched));
            assertThat(content(c, batched.id())).isEqualTo(content(c, single.id()));
            s.execute("drop table " + TABLE);
        }
    }

    private static String row(Connection c, String id) throws Exception {
        return query(c, "select revision || '|' || title || '|' || countries::text from " + TABLE + " where id = ?", id);
    }

    private static long changeSeq(Connection c, String id) throws Exception {
        return Long.parseLong(query(c, "select change_seq::text from " + TABLE + " where id = ?", id));
    }

    /** Everything but id, applied_at and change_seq; the event JSON differs only by the id. */
    private static String content(Connection c, String id) throws Exception {
        return query(c, "select row(revision, published_at, kind, title, summary, publisher, countries, organisations,"
                + " persons, locations, body_text, mentioned_dates, search, replace(event, id, 'ID'))::text from "
                + TABLE + " where id = ?", id).replace(id, "ID");
    }

    private static String query(Connection c, String sql, String id) throws Exception {
        String value = Sql.text(c, sql, id);
        assertThat(value).as(id).isNotNull();
        return value;
    }
}
