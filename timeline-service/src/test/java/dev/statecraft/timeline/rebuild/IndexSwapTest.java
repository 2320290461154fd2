package dev.statecraft.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.timeline.facets.FacetsRepository;
import dev.statecraft.timeline.facets.FacetsRepository.Count;
import dev.statecraft.timeline.facets.IndexedFacets;
import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.TimelineQuery;
import dev.statecraft.timeline.query.TimelineRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The in-memory index follows a rebuild's switch: the switched-in table is a new relation, so the index is
 * reloaded from it instead of being caught up by change numbers. Shown with a change the change numbers do not
 * reveal (a row edited in place without a new change number, as only a reload can see it): before the switch
 * the index still counts the old value, after it the new one, and facets and timeline pages agree with SQL.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IndexSwapTest {
    @Inject
    DataSource dataSource;
    @Inject
    ProjectionRebuild rebuild;
    @Inject
    IndexedFacets index;
    @Inject
    FacetsRepository facets;
    @Inject
    TimelineRepository timeline;

    @Test
    void aSwitchedTableIsReloaded() throws Exception {
        String org = "SWAP-" + UUID.randomUUID().toString().substring(0, 8);
        Filters mine = Filters.from(Map.of("organisation", List.of(org)));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String id : List.of(org + "-a", org + "-b")) {
                s.execute("insert into timeline_entry (id, revision, published_at, kind, title, organisations, event,"
                        + " applied_at) values ('" + id + "', 1, '1901-01-01T00:00:00Z', 'other', 'Swap', '{" + org
                        + "}', '{}', now())");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> index.count(mine)
                    .map(f -> f.total() == 2).orElse(false));

            // Edited in place, keeping its change number: the poll cannot see it, the index still says 'other'.
            s.execute("update timeline_entry set kind = 'aid' where id = '" + org + "-a'");
            Thread.sleep(600);
            assertThat(index.count(mine).orElseThrow().facets().get("kind")).containsExactly(new Count("other", 2));

            s.execute("drop table if exists timeline_entry_rebuild");
            s.execute("create table timeline_entry_rebuild (like timeline_entry including all)");
            String columns = "id, revision, published_at, kind, title, summary, publisher, source_url, countries, "
                    + "organisations, persons, event, applied_at, locations, mentioned_dates, body_text, change_seq";
            s.execute("insert into timeline_entry_rebuild (" + columns + ") select " + columns
                    + " from timeline_entry");
            rebuild.switchTables(c, Long.MAX_VALUE); // every row kept its number: none to renumber

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // Empty while the index reloads the switched-in table: keep waiting, do not fail.
                assertThat(index.count(mine)).hasValueSatisfying(f -> assertThat(f.facets().get("kind"))
                        .containsExactly(new Count("aid", 1), new Count("other", 1)));
                assertThat(index.count(mine)).contains(facets.countBySql(mine));
                TimelineQuery query = new TimelineQuery(Filters.from(Map.of("organisation", List.of(org),
                        "kind", List.of("aid"))), TimelineQuery.Sort.PUBLISHED, 10, null);
                assertThat(timeline.findIndexed(query)).hasValueSatisfying(page -> assertThat(page.items())
                        .extracting(i -> i.id()).containsExactly(org + "-a"));
            });
            s.execute("delete from timeline_entry where id like '" + org + "%'");
        }
    }
}
