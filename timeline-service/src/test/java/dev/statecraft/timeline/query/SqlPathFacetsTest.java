package dev.statecraft.timeline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Facets the index cannot count ({@code q}) come from SQL, bounded: a filter set with at most
 * {@code statecraft.facets.sql-matches} (1,000) matches is counted exactly, with no {@code counted_over}; one with
 * more is counted over its newest 1,000 matches and says so. Each test writes its own rows under a unique word.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SqlPathFacetsTest {
    static final int SQL_MATCHES = 1000;

    @Inject
    DataSource db;

    @Test
    void facetsOfAFewMatchesAreExact() throws Exception {
        String word = SqlPathPagesTest.uniqueWord();
        // 300 rows, a second apart: all in 1750-06, all of kind statement
        SqlPathRows.insert(db, "ann_facets_few_" + word, word, 300, Instant.parse("1750-06-20T12:00:00Z"));

        JsonPath facets = given().queryParam("q", word).get("/api/facets").then().statusCode(200).extract().jsonPath();

        assertThat(facets.getMap("$")).doesNotContainKey("counted_over");
        assertThat(facets.getLong("total")).isEqualTo(300);
        assertThat(facets.getList("facets.kind", Map.class)).containsExactly(Map.of("value", "statement", "count", 300));
        assertThat(facets.getList("facets.month", Map.class)).containsExactly(Map.of("value", "1750-06", "count", 300));
        // the title word is in every fourth row: the same counts SQL gives
        JsonPath titled = given().queryParam("q", word + " -notes").get("/api/facets").then().statusCode(200)
                .extract().jsonPath();
        assertThat(titled.getLong("total")).isEqualTo(75);
    }

    @Test
    void facetsOfManyMatchesAreCountedOverTheNewestAndSaySo() throws Exception {
        String word = SqlPathPagesTest.uniqueWord();
        // 1,500 rows: g / 3 days before 1760-03-31 (ties in pairs), so the newest 1,000 reach back into 1759
        SqlPathRows.insert(db, "ann_facets_many_" + word, word, 1500, Instant.parse("1760-03-31T12:00:00Z"),
                java.time.Duration.ofDays(1));

        JsonPath facets = given().queryParam("q", word).get("/api/facets").then().statusCode(200).extract().jsonPath();

        assertThat(facets.getInt("counted_over")).isEqualTo(SQL_MATCHES);
        assertThat(facets.getLong("total")).isEqualTo(SQL_MATCHES);
        assertThat(facets.getList("facets.kind", Map.class)).containsExactly(Map.of("value", "statement", "count",
                SQL_MATCHES));
        // the months of exactly the newest 1,000 matches, newest month first
        List<Map<String, Object>> months = facets.getList("facets.month");
        assertThat(months.stream().mapToInt(m -> (Integer) m.get("count")).sum()).isEqualTo(SQL_MATCHES);
        assertThat(months.get(0)).isEqualTo(Map.of("value", "1760-03", "count", 92)); // g = 1..92: 0 to 30 days back
    }
}
