package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The change numbers across a rebuild (the stream's contract): a rebuild over a read model a rebuild made keeps
 * every unchanged row's change_seq and applied_at; rows whose content differs (stored by an older projection, with
 * or without a content hash) get a number above the live table's highest; live events applied during a rebuild are
 * neither lost nor doubled.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RebuildNumbersTest {
    @Inject
    DataSource dataSource;

    @Test
    void aSecondRebuildKeepsUnchangedRowsAndRenumbersChangedOnes() throws Exception {
        String day = TimelineTest.uniqueDay();
        String same = Events.newId();
        String older = Events.newId();
        String legacy = Events.newId();
        String legacyChanged = Events.newId();
        String edited = Events.newId();
        int hour = 1;
        for (String id : List.of(same, older, legacy, legacyChanged, edited)) {
            // Dates PostgreSQL sorts and merges into its multirange: the hash of a stored row must still agree.
            Events.send(Events.with(id).title("Announcement " + id).body("Talks on trade.").kind(Kind.MEETING)
                    .publishedAt(TimelineTest.at(day, hour++)).countries("GB", "FR").persons("Anna Kallas")
                    .locations("Tokyo").dates("2031-05", "2031-05-19", "2030", "2031-06-01").build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 5);
        assertThat(RebuildTest.rebuildAndWait().getString("state")).isEqualTo("done");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(RebuildTest.readModel(dataSource)).isEqualTo(RebuildTest.topic()));
        assertThat(count("select count(*) from timeline_entry where content_hash is null")).isZero();

        // Rows an older projection stored: other content under its own hash, and (before V17) without a hash.
        sql("update timeline_entry set title = 'Older wording', content_hash = content_hash + 1 where id = '"
                + older + "'");
        sql("update timeline_entry set content_hash = null where id = '" + legacy + "'");
        sql("update timeline_entry set summary = 'older summary', content_hash = null where id = '" + legacyChanged
                + "'");
        // An edit by hand keeps the hash; the trigger (V17) clears it, so the rebuild does not trust it.
        sql("update timeline_entry set title = 'Edited by hand' where id = '" + edited + "'");
        assertThat(count("select count(*) from timeline_entry where content_hash is null and id = '" + edited + "'"))
                .isEqualTo(1);
        Map<String, String> before = numbers();
        long highest = count("select max(change_seq) from timeline_entry");

        JsonPath progress = RebuildTest.rebuildAndWait();

        assertThat(progress.getString("state")).isEqualTo("done");
        assertThat(TimelineTest.timeline(day).getList("items.title")).doesNotContain("Older wording", "Edited by hand")
                .hasSize(5);
        Map<String, String> after = numbers();
        for (String changed : List.of(older, legacyChanged, edited)) {
            assertThat(count("select change_seq from timeline_entry where id = '" + changed + "'")).as(changed)
                    .isGreaterThan(highest);
            before.remove(changed);
            after.remove(changed);
        }
        // Every other row, the pre-V17 one with unchanged content too: the same change_seq and applied_at.
        assertThat(after).isEqualTo(before).containsKeys(same, legacy);
        assertThat(count("select count(*) from timeline_entry where content_hash is null")).isZero();

        // The changed rows were numbered from far above (FreshNumbers): a live write after the switch still comes
        // after them, so a client that read them misses nothing later.
        long changedHighest = count("select max(change_seq) from timeline_entry where id in ('" + older + "', '"
                + legacyChanged + "', '" + edited + "')");
        String later = Events.newId();
        Events.send(Events.announcement(later, 1, "After the rebuild", Kind.MEETING, TimelineTest.at(day, 9)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from timeline_entry where id = '" + later + "'") == 1);
        assertThat(count("select change_seq from timeline_entry where id = '" + later + "'"))
                .isGreaterThan(changedHighest);
    }

    @Test
    void liveEventsDuringARebuildAreNeitherLostNorDoubled() throws Exception {
        String day = TimelineTest.uniqueDay();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            existing.add(Events.newId());
            Events.send(Events.announcement(existing.get(i), 1, "Existing " + i, Kind.AID, TimelineTest.at(day, i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 3);
        // A read model as a rebuild makes it, so that the next rebuild changes nothing by itself.
        assertThat(RebuildTest.rebuildAndWait().getString("state")).isEqualTo("done");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(RebuildTest.readModel(dataSource)).isEqualTo(RebuildTest.topic()));
        long highest = count("select max(change_seq) from timeline_entry");

        // Events keep arriving while the second rebuild runs: new announcements and revisions of existing ones.
        List<String> sent = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get() || i < 6; i++) {
                String id = i % 3 == 2 ? existing.get(i / 3 % 3) : Events.newId();
                int revision = i % 3 == 2 ? 2 + i / 3 : 1;
                Events.send(Events.announcement(id, revision, "Live " + i, Kind.AID, TimelineTest.at(day, 4 + i % 18)));
                synchronized (sent) {
                    sent.add(id);
                }
            }
        });
        Thread.sleep(200);
        JsonPath progress = RebuildTest.rebuildAndWait();
        stop.set(true);
        sending.get();
        assertThat(progress.getString("state")).isEqualTo("done");

        // Nothing lost: the read model holds every event's newest revision.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(RebuildTest.readModel(dataSource)).isEqualTo(RebuildTest.topic()));
        // Nothing doubled: a client that had seen everything up to `highest` gets exactly the rows these events
        // changed, each once (one row per id, one number per row), and nothing the rebuild left as it was.
        List<String> replay = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from timeline_entry where change_seq > " + highest
                        + " order by change_seq")) {
            while (rs.next()) {
                replay.add(rs.getString(1));
            }
        }
        assertThat(replay).containsExactlyInAnyOrderElementsOf(sent.stream().distinct().toList());
    }

    /** id → change_seq and applied_at of every row. */
    private Map<String, String> numbers() throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, change_seq, applied_at from timeline_entry")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private long count(String query) throws Exception {
        return Sql.count(dataSource, query);
    }

    private void sql(String statement) throws Exception {
        Sql.execute(dataSource, statement);
    }
}
