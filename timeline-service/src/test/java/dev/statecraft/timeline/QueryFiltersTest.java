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
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every filter of the query API against three announcements that differ in every field. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class QueryFiltersTest {
    static String day;

    /** Once per class, but inside the running app (a static @BeforeAll runs before its HTTP port is known). */
    @BeforeEach
    void seed() {
        if (day != null) {
            return;
        }
        day = TimelineTest.uniqueDay();
        Events.send(Events.with(Events.newId()).title("Foreign Secretary visits Tokyo to talk semiconductors")
                .body("The Foreign Secretary met Japanese ministers. Semiconductor supply chains were discussed.")
                .kind(Kind.VISIT).publishedAt(TimelineTest.at(day, 9)).publisher("FCDO").countries("GB", "JP")
                .organisations("EU").persons("Kaja Kallas").locations("Tokyo").dates("2031-05-19").build());
        Events.send(Events.with(Events.newId()).title("Statement on NATO readiness")
                .body("Allies agreed on the readiness of forces and on a semiconductor export review.")
                .kind(Kind.STATEMENT).publishedAt(TimelineTest.at(day, 10)).publisher("Ministry of Defence")
                .countries("GB").organisations("NATO").persons("Mark Rutte").locations("Brussels")
                .dates("2031-06").build());
        Events.send(Events.with(Events.newId()).title("Sanctions on Russian banks")
                .body("The UK imposed sanctions on three banks.").kind(Kind.SANCTIONS_IMPOSED)
                .publishedAt(TimelineTest.at(day, 11)).publisher("FCDO").countries("RU").locations("Moscow")
                .dates("2031").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> titles().size() == 3);
    }

    static final String TOKYO = "Foreign Secretary visits Tokyo to talk semiconductors";
    static final String NATO = "Statement on NATO readiness";
    static final String BANKS = "Sanctions on Russian banks";

    static List<String> titles(String... parameters) {
        return page(parameters).getList("items.title");
    }

    static JsonPath page(String... parameters) {
        RequestSpecification request = given().queryParam("from", day).queryParam("to", day);
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/timeline").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachFieldFilters() {
        assertThat(titles("organisation", "EU")).containsExactly(TOKYO);
        assertThat(titles("person", "Mark Rutte")).containsExactly(NATO);
        assertThat(titles("location", "Moscow")).containsExactly(BANKS);
        assertThat(titles("publisher", "FCDO")).containsExactly(BANKS, TOKYO);
        assertThat(titles("kind", "sanctions_imposed")).containsExactly(BANKS);
        assertThat(titles("country", "JP")).containsExactly(TOKYO);
    }

    @Test
    void repeatedValuesAreOrAndFieldsAreAnd() {
        assertThat(titles("organisation", "EU", "organisation", "NATO")).containsExactly(NATO, TOKYO);
        assertThat(titles("kind", "visit,statement")).containsExactly(NATO, TOKYO);
        assertThat(titles("publisher", "FCDO", "country", "GB")).containsExactly(TOKYO);
        assertThat(titles("publisher", "FCDO", "location", "Brussels")).isEmpty();
    }

    @Test
    void aMinusParameterExcludes() {
        assertThat(titles("-kind", "statement")).containsExactly(BANKS, TOKYO);
        assertThat(titles("-country", "GB")).containsExactly(BANKS);
        assertThat(titles("-publisher", "FCDO")).containsExactly(NATO);
        assertThat(titles("country", "GB", "-organisation", "NATO")).containsExactly(TOKYO);
    }

    @Test
    void eventDatesMatchTheDaysAMentionCovers() {
        // 2031-06-10 lies in "2031-06" (NATO) and in "2031" (banks), not on 2031-05-19 (Tokyo).
        assertThat(titles("event_from", "2031-06-10", "event_to", "2031-06-10")).containsExactly(BANKS, NATO);
        assertThat(titles("event_from", "2031-05-19", "event_to", "2031-05-19")).containsExactly(BANKS, TOKYO);
        assertThat(titles("event_from", "2031-05-20", "event_to", "2031-05-31")).containsExactly(BANKS);
        assertThat(titles("event_from", "2032-01-01")).isEmpty();
        assertThat(titles("event_to", "2031-05-19")).containsExactly(BANKS, TOKYO);
    }

    @Test
    void fullTextSearchRanksAndHighlights() {
        JsonPath newestFirst = page("q", "semiconductor");
        assertThat(newestFirst.getList("items.title")).containsExactly(NATO, TOKYO);
        assertThat(newestFirst.getString("items[0].snippet")).contains("<mark>semiconductor</mark>");
        assertThat(newestFirst.getFloat("items[0].rank")).isPositive();

        // The title match weighs more, so by relevance Tokyo comes first although NATO is newer.
        JsonPath first = page("q", "semiconductor", "sort", "relevance", "limit", "1");
        assertThat(first.getList("items.title")).containsExactly(TOKYO);
        JsonPath second = given().urlEncodingEnabled(false).get(first.getString("next")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.title")).containsExactly(NATO);
        assertThat(second.getString("next")).isNull();

        assertThat(titles("q", "banks OR readiness")).containsExactly(BANKS, NATO);
        assertThat(titles("q", "\"russian banks\"", "-kind", "sanctions_imposed")).isEmpty();
        assertThat(page().getString("items[0].snippet")).isNull();
    }

    @Test
    void invalidParametersAreNamed() {
        bad("sort", "relevance").body("parameter", equalTo("sort"));
        bad("sort", "oldest").body("parameter", equalTo("sort"));
        bad("-colour", "red").body("parameter", equalTo("-colour"));
        bad("-country", "XX").body("parameter", equalTo("-country"));
        bad("event_from", "soon").body("parameter", equalTo("event_from"));
        bad("person", " ").body("parameter", equalTo("person"));
        bad("q", " ").body("parameter", equalTo("q"));
        given().queryParam("event_from", "2031-02-01").queryParam("event_to", "2031-01-01").get("/api/timeline")
                .then().statusCode(400).body("parameter", equalTo("event_to"));
        String publishedCursor = page("limit", "1").getString("next").replaceAll(".*cursor=", "");
        given().queryParam("q", "semiconductor").queryParam("sort", "relevance").queryParam("cursor", publishedCursor)
                .get("/api/timeline").then().statusCode(400).body("parameter", equalTo("cursor"));
    }

    static io.restassured.response.ValidatableResponse bad(String name, String value) {
        return given().queryParam(name, value).get("/api/timeline").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
