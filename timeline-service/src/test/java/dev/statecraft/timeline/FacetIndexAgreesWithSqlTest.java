package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import dev.statecraft.timeline.facets.FacetsRepository;
import dev.statecraft.timeline.facets.IndexedFacets;
import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.TimelineItem;
import dev.statecraft.timeline.query.TimelineQuery;
import dev.statecraft.timeline.query.TimelineRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-memory facet index against the SQL facets on the same real read model: after a mix of announcements
 * and revisions has gone through the real projection, both give the same counts for every filter the index
 * evaluates (fixed cases and random ones with exclusions, lists and day ranges, revised entries among the rows),
 * the timeline pages the index names equal SQL's page by page (the exact fetch of a current index and the
 * fallback with spare entries alike), and the index sees a change once committed.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FacetIndexAgreesWithSqlTest {
    private static final String[] COUNTRIES = {"GB", "FR", "DE", "UA", "PL", "US", "JP"};
    private static final String[] PEOPLE = {"Ada Example", "Bob Example", "Cleo Example", "Dan Example"};

    @Inject
    IndexedFacets index;
    @Inject
    FacetsRepository repository;
    @Inject
    TimelineRepository timeline;

    @Test
    void indexAndSqlGiveTheSameCounts() {
        Random random = new Random(11);
        String org = "ORG-" + Events.newId();
        LocalDate day = LocalDate.parse(TimelineTest.uniqueDay());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = Events.newId();
            ids.add(id);
            Events.send(Events.with(id).kind(Kind.values()[random.nextInt(Kind.values().length)])
                    .publishedAt(TimelineTest.at(day.plusDays(random.nextInt(90)).toString(), 9))
                    .countries(pick(random, COUNTRIES), pick(random, COUNTRIES))
                    .organisations(random.nextBoolean() ? org : "EU").persons(pick(random, PEOPLE)).build());
        }
        // Revisions that move announcements to other values, and one older revision that must change nothing.
        for (int i = 0; i < 5; i++) {
            Events.send(Events.with(ids.get(i)).revision(3).kind(Kind.AID)
                    .publishedAt(TimelineTest.at(day.plusDays(100).toString(), 9)).countries("NZ")
                    .organisations(org).persons("Eve Example").build());
        }
        Events.send(Events.with(ids.get(0)).revision(2).kind(Kind.SUMMIT).countries("BR").organisations(org).build());
        Filters mine = filters("organisation", org);
        await().atMost(Duration.ofSeconds(60)).until(() -> index.count(mine)
                .map(f -> f.facets().get("country").stream().anyMatch(c -> c.value().equals("NZ")
                        && c.count() == 5)).orElse(false));

        List<Filters> cases = List.of(filters(), mine, filters("organisation", org, "country", "GB"),
                filters("organisation", org, "country", "GB,FR", "kind", "visit"),
                filters("organisation", org, "-kind", "statement", "-country", "DE"),
                filters("organisation", org, "person", "Ada Example"),
                filters("organisation", org, "from", day.plusDays(10).toString(), "to", day.plusDays(40).toString()),
                filters("country", "NZ", "-person", "Eve Example"), filters("country", "BR"),
                filters("-organisation", org, "from", day.toString()));
        for (Filters f : cases) {
            // equal once nothing else is being applied (other tests' records may still arrive in between)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(index.count(f)).isEqualTo(Optional.of(repository.countBySql(f))));
        }
        assertThat(index.count(filters("country", "BR")).orElseThrow().total()).isZero();
        assertThat(index.count(filters("q", "visit"))).isEmpty();

        // Random filters over the same rows (inclusions, comma lists, exclusions, day ranges; the revised entries
        // among them): the index's counts and timeline pages (followed through their cursors) equal SQL's.
        Random pickFilters = new Random(5);
        for (int i = 0; i < 40; i++) {
            List<String> parameters = new ArrayList<>(List.of("organisation", pickFilters.nextBoolean() ? org : "EU"));
            if (pickFilters.nextInt(3) == 0) {
                parameters.addAll(List.of("country", pick(pickFilters, COUNTRIES) + "," + pick(pickFilters, COUNTRIES)));
            }
            if (pickFilters.nextInt(3) == 0) {
                parameters.addAll(List.of("-country", pick(pickFilters, COUNTRIES)));
            }
            if (pickFilters.nextInt(3) == 0) {
                parameters.addAll(List.of(pickFilters.nextBoolean() ? "kind" : "-kind",
                        Kind.values()[pickFilters.nextInt(Kind.values().length)].wire()));
            }
            if (pickFilters.nextInt(3) == 0) {
                parameters.addAll(List.of(pickFilters.nextBoolean() ? "person" : "-person", pick(pickFilters, PEOPLE)));
            }
            if (pickFilters.nextInt(3) == 0) {
                int from = pickFilters.nextInt(100);
                parameters.addAll(List.of("from", day.plusDays(from).toString(), "to",
                        day.plusDays(from + pickFilters.nextInt(40)).toString()));
            }
            Filters f = filters(parameters.toArray(String[]::new));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(index.count(f)).as(parameters.toString()).isEqualTo(Optional.of(repository.countBySql(f)));
                TimelineQuery query = new TimelineQuery(f, TimelineQuery.Sort.PUBLISHED, 3, null);
                for (int page = 0; page < 20 && query != null; page++) {
                    Optional<TimelineRepository.Page> fromIndex = timeline.findIndexed(query);
                    assertThat(fromIndex).as("index ready").isPresent();
                    TimelineRepository.Page indexed = fromIndex.get();
                    TimelineRepository.Page bySql = timeline.findBySql(query);
                    assertThat(indexed).as(parameters + " page " + page).isEqualTo(bySql);
                    // the path taken while the index is behind the table gives the same page
                    assertThat(timeline.findIndexedWithSpares(query)).as(parameters + " page " + page + " with spares")
                            .contains(bySql);
                    query = indexed.next() == null ? null
                            : new TimelineQuery(f, TimelineQuery.Sort.PUBLISHED, 3, indexed.next());
                }
            });
        }
    }

    /** Ids the page statement binds as one text[] literal: quotes, backslashes, commas, braces, spaces. */
    @Test
    void indexPagesReadAwkwardIds() {
        String org = "ORG-" + Events.newId();
        String unique = Events.newId();
        List<String> ids = List.of(unique + " \"quoted\"", unique + "\\back\\slash\\", unique + ",{comma}",
                unique + " NULL", unique + " \u00e9\u4e2d", unique + "  spaced  ");
        LocalDate day = LocalDate.parse(TimelineTest.uniqueDay());
        for (int i = 0; i < ids.size(); i++) {
            Events.send(Events.with(ids.get(i)).publishedAt(TimelineTest.at(day.plusDays(i).toString(), 9))
                    .organisations(org).build());
        }
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        TimelineQuery query = new TimelineQuery(filters("organisation", org), TimelineQuery.Sort.PUBLISHED, 10, null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Optional<TimelineRepository.Page> fromIndex = timeline.findIndexed(query);
            assertThat(fromIndex).as("index ready").isPresent();
            assertThat(fromIndex.get().items()).extracting(TimelineItem::id)
                    .containsExactlyElementsOf(newestFirst);
            assertThat(fromIndex.get()).isEqualTo(timeline.findBySql(query));
        });
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Filters filters(String... parameters) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.computeIfAbsent(parameters[i], k -> new ArrayList<>()).add(parameters[i + 1]);
        }
        return Filters.from(map);
    }
}
