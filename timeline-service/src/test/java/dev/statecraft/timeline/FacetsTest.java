package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FacetsTest {

    @Test
    void eachFacetIsCountedWithoutItsOwnFilter() {
        String org = "ORG-" + UUID.randomUUID();
        String other = "ORG-" + UUID.randomUUID();
        String day = TimelineTest.uniqueDay();
        String laterDay = LocalDate.parse(day).plusDays(40).toString();
        Events.send(Events.with(Events.newId()).kind(Kind.VISIT).publishedAt(TimelineTest.at(day, 9))
                .countries("GB", "FR").organisations(org).persons("Ada Example").build());
        Events.send(Events.with(Events.newId()).kind(Kind.STATEMENT).publishedAt(TimelineTest.at(day, 10))
                .countries("GB").organisations(org).persons("Bob Example").build());
        Events.send(Events.with(Events.newId()).kind(Kind.VISIT).publishedAt(TimelineTest.at(laterDay, 9))
                .countries("GB").organisations(org).build());
        Events.send(Events.with(Events.newId()).kind(Kind.VISIT).publishedAt(TimelineTest.at(day, 11))
                .countries("GB").organisations(other).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> facets("organisation", org, "organisation", other)
                .getInt("total") == 4);

        JsonPath facets = facets("organisation", org, "country", "GB", "from", day, "to", day);
        assertThat(facets.getInt("total")).isEqualTo(2);
        // Without country=GB: what else this organisation's announcements that day mention.
        assertThat(counts(facets, "country")).containsExactly(Map.of("value", "GB", "count", 2),
                Map.of("value", "FR", "count", 1));
        // Without organisation: the other organisation in GB that day is an alternative.
        assertThat(counts(facets, "organisation")).containsExactly(Map.of("value", org, "count", 2),
                Map.of("value", other, "count", 1));
        assertThat(counts(facets, "kind")).containsExactly(Map.of("value", "statement", "count", 1),
                Map.of("value", "visit", "count", 1));
        assertThat(counts(facets, "person")).containsExactly(Map.of("value", "Ada Example", "count", 1),
                Map.of("value", "Bob Example", "count", 1));
        // Without from/to: the later month shows up, newest month first.
        assertThat(counts(facets, "month")).containsExactly(Map.of("value", laterDay.substring(0, 7), "count", 1),
                Map.of("value", day.substring(0, 7), "count", 2));

        JsonPath excluded = facets("organisation", org, "country", "GB", "from", day, "to", day, "-kind", "statement");
        assertThat(excluded.getInt("total")).isEqualTo(1);
        assertThat(counts(excluded, "kind")).hasSize(2);
        assertThat(counts(excluded, "person")).containsExactly(Map.of("value", "Ada Example", "count", 1));
    }

    @Test
    void invalidParametersAreNamed() {
        given().queryParam("limit", "5").get("/api/facets").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("kind", "party").get("/api/facets").then().statusCode(400).body("parameter", equalTo("kind"));
    }

    static JsonPath facets(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/facets").then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> counts(JsonPath facets, String facet) {
        return facets.getList("facets." + facet);
    }
}
