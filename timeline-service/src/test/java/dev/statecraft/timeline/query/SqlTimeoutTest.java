package dev.statecraft.timeline.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL path's statement timeout, set to 1 ms by its configuration property, cancels a real query over 20,000
 * rows (relevance over the newest 1,000 matches of a word every row has, with snippets: many milliseconds on any
 * machine; and SQL facets of that word) and the client gets the documented 503 problem with Retry-After, not a
 * hang and not a 500.
 */
@QuarkusTest
@TestProfile(SqlTimeoutTest.OneMillisecond.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SqlTimeoutTest {
    public static class OneMillisecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("statecraft.timeline.sql-timeout-ms", "1");
        }
    }

    @Inject
    DataSource db;

    @Test
    void aQueryOverItsTimeoutIsA503ProblemWithRetryAfter() throws Exception {
        String word = SqlPathPagesTest.uniqueWord();
        SqlPathRows.insert(db, "ann_timeout_" + word, word, 20_000, Instant.parse("1700-09-01T12:00:00Z"));

        given().queryParam("q", word).queryParam("sort", "relevance").get("/api/timeline").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo(QueryTooSlowMapper.RETRY_AFTER_SECONDS))
                .body("type", equalTo("https://statecraft.dev/problems/query-timeout"))
                .body("status", equalTo(503))
                .body("detail", containsString("within 1 ms"));
        given().queryParam("event_from", "2031-05-10").queryParam("q", word).queryParam("limit", "200").get("/api/timeline").then()
                .statusCode(503)
                .body("type", equalTo("https://statecraft.dev/problems/query-timeout"));
        // SQL facets (q: the index cannot count it), each facet's filter set a sample of its own (the exclusions
        // differ per facet): five walks of 1,001 matches, cancelled at 1 ms
        given().queryParam("q", word).queryParam("-country", "AQ").queryParam("-kind", "aid")
                .queryParam("-organisation", "ZZ").queryParam("-person", "Nobody " + word).get("/api/facets").then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo(QueryTooSlowMapper.RETRY_AFTER_SECONDS))
                .body("type", equalTo("https://statecraft.dev/problems/query-timeout"));
    }
}
