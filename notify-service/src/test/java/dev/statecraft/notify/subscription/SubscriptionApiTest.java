package dev.statecraft.notify.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SubscriptionApiTest {
    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void createAnswers201WithLocationFiltersSecretAndToken() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("webhook_url", URL, "countries", List.of("gb", "UA", "GB"),
                        "kinds", List.of("Sanctions_Imposed", "visit"), "keywords", List.of("  arms   embargo ", "Iran")))
                .when().post("/api/subscriptions")
                .then().statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("webhook_url", equalTo(URL))
                .body("countries", equalTo(List.of("GB", "UA")))
                .body("kinds", equalTo(List.of("sanctions_imposed", "visit")))
                .body("keywords", equalTo(List.of("arms embargo", "Iran")))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/=]{44}"))
                .body("management_token", notNullValue())
                .body("created_at", notNullValue())
                .extract().path("id");
        assertThat(id).isNotBlank();
    }

    @Test
    void locationPointsAtTheSubscriptionAndTheTokenReadsIt() {
        io.restassured.response.Response created = given().contentType(ContentType.JSON)
                .body(Map.of("webhook_url", URL, "keywords", List.of("NATO")))
                .post("/api/subscriptions");
        created.then().statusCode(201);
        String id = created.path("id");
        String token = created.path("management_token");
        assertThat(created.header("Location")).endsWith("/api/subscriptions/" + id);

        given().header("Authorization", "Bearer " + token).get("/api/subscriptions/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("keywords", equalTo(List.of("NATO")))
                .body("countries", equalTo(List.of()))
                .body("secret", nullValue())
                .body("management_token", nullValue())
                .body("ended_at", nullValue());
        given().header("Authorization", "Bearer " + token).get("/api/subscriptions/" + id + "/deliveries")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void givenSecretIsKeptAndBadSecretsAreRefused() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", URL, "secret", secret))
                .post("/api/subscriptions").then().statusCode(201).body("secret", equalTo(secret));
        assertProblem(Map.of("webhook_url", URL, "secret", "plain-secret"), "secret");
        assertProblem(Map.of("webhook_url", URL, "secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[16])),
                "secret");
        assertProblem(Map.of("webhook_url", URL, "secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[65])),
                "secret");
        assertProblem(Map.of("webhook_url", URL, "secret", "whsec_!!!not-base64"), "secret");
    }

    @Test
    void invalidInputIsA400ProblemNamingTheField() {
        assertProblem(Map.of("webhook_url", URL, "colour", "red"), "colour")
                .body("detail", containsString("Unknown field 'colour'"));
        assertProblem(Map.of("countries", List.of("GB")), "webhook_url");
        assertProblem(Map.of("webhook_url", "ftp://example.org/x"), "webhook_url");
        assertProblem(Map.of("webhook_url", "/relative/hook"), "webhook_url");
        assertProblem(Map.of("webhook_url", "http://user:pw@example.org/hook"), "webhook_url");
        assertProblem(Map.of("webhook_url", "http://exa mple.org/"), "webhook_url");
        assertProblem(Map.of("webhook_url", 42), "webhook_url");
        assertProblem(Map.of("webhook_url", URL, "countries", List.of("GB", "XX")), "countries")
                .body("detail", containsString("'XX'"));
        assertProblem(Map.of("webhook_url", URL, "countries", List.of("GBR")), "countries");
        assertProblem(Map.of("webhook_url", URL, "countries", "GB"), "countries");
        assertProblem(Map.of("webhook_url", URL, "kinds", List.of("invasion")), "kinds")
                .body("detail", containsString("sanctions_imposed"));
        assertProblem(Map.of("webhook_url", URL, "kinds", List.of(1)), "kinds");
        assertProblem(Map.of("webhook_url", URL, "keywords", List.of("ok", "   ")), "keywords");
        assertProblem(Map.of("webhook_url", URL, "keywords", List.of("x".repeat(201))), "keywords");
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", URL, "keywords", List.of("x".repeat(200))))
                .post("/api/subscriptions").then().statusCode(201);
    }

    @Test
    void webhookMaxInFlightIsAnIntegerFrom1To8AndCanBeResetToTheDefault() {
        for (Object bad : List.of(0, 9, -1, 2.5, "4", true, 10_000_000_000L)) {
            assertProblem(Map.of("webhook_url", URL, "webhook_max_in_flight", bad), "webhook_max_in_flight")
                    .body("detail", containsString("1 to 8"));
        }
        Created plain = TestSubscriptions.create(Map.of("webhook_url", URL));
        assertThat(TestSubscriptions.get(plain).getString("webhook_max_in_flight")).isNull();

        Created own = TestSubscriptions.create(Map.of("webhook_url", URL, "webhook_max_in_flight", 8));
        assertThat(TestSubscriptions.get(own).getInt("webhook_max_in_flight")).isEqualTo(8);
        String path = "/api/subscriptions/" + own.id();
        given().header("Authorization", "Bearer " + own.managementToken()).contentType(ContentType.JSON)
                .body(Map.of("webhook_max_in_flight", 0)).patch(path)
                .then().statusCode(400).body("parameter", equalTo("webhook_max_in_flight"));
        given().header("Authorization", "Bearer " + own.managementToken()).contentType(ContentType.JSON)
                .body(Map.of("webhook_max_in_flight", 3)).patch(path)
                .then().statusCode(200).body("webhook_max_in_flight", equalTo(3));
        given().header("Authorization", "Bearer " + own.managementToken()).contentType(ContentType.JSON)
                .body("{\"webhook_max_in_flight\": null}").patch(path)
                .then().statusCode(200).body("webhook_max_in_flight", nullValue());
        assertThat(TestSubscriptions.get(own).getString("webhook_max_in_flight")).isNull();
    }

    @Test
    void malformedOrMissingBodyIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"webhook_url\": ").post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-json"));
        given().contentType(ContentType.JSON).body("[]").post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON object"));
        given().contentType(ContentType.JSON).body("{\"webhook_url\": \"" + URL + "\"} trailing")
                .post("/api/subscriptions").then().statusCode(400).body("type", endsWith("/malformed-json"));
        given().contentType(ContentType.JSON)
                .body("{\"webhook_url\": \"" + URL + "\", \"webhook_url\": \"http://8.8.8.8/\"}")
                .post("/api/subscriptions").then().statusCode(400).body("type", endsWith("/malformed-json"))
                .body("detail", containsString("webhook_url"));
        given().contentType(ContentType.JSON).post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/empty-body"));
        given().contentType(ContentType.TEXT).body("webhook_url=x").post("/api/subscriptions")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void readingAndEndingNeedTheSubscriptionsTokenOrTheOperators() {
        Created mine = TestSubscriptions.create(Map.of("webhook_url", URL));
        Created other = TestSubscriptions.create(Map.of("webhook_url", URL));
        String path = "/api/subscriptions/" + mine.id();

        given().get(path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Basic dXNlcjpwdw==").get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + other.managementToken()).get(path).then().statusCode(401);
        given().header("Authorization", "Bearer wrong").get(path + "/deliveries").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").delete(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN).get(path)
                .then().statusCode(200).body("id", equalTo(mine.id()));
        // unknown ids: the operator learns they do not exist, anyone else only that they may not look
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                .get("/api/subscriptions/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                .get("/api/subscriptions/not-a-uuid").then().statusCode(404);
        given().header("Authorization", "Bearer " + mine.managementToken())
                .get("/api/subscriptions/00000000-0000-0000-0000-000000000000").then().statusCode(401);

        given().header("Authorization", "Bearer " + mine.managementToken()).delete(path).then().statusCode(204);
        given().header("Authorization", "Bearer " + mine.managementToken()).delete(path).then().statusCode(204);
        given().header("Authorization", "Bearer " + mine.managementToken()).get(path)
                .then().statusCode(200).body("ended_at", notNullValue())
                .body("ended_reason", equalTo("ended by subscriber"));
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                .delete("/api/subscriptions/" + other.id()).then().statusCode(204);
        given().header("Authorization", "Bearer " + other.managementToken()).get("/api/subscriptions/" + other.id())
                .then().body("ended_reason", equalTo("ended by operator"));
    }

    @Test
    void listingIsForTheOperatorOnly() {
        Created s = TestSubscriptions.create(Map.of("webhook_url", URL));
        given().get("/api/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + s.managementToken()).get("/api/subscriptions")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                .queryParam("limit", 1000).get("/api/subscriptions")
                .then().statusCode(200).body("id", hasItem(s.id())).body("[0].secret", nullValue());
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,1001", "limit,ten", "offset,-1"})
    void badPagingIsA400Problem(String name, String value) {
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN)
                .queryParam(name, value).get("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo(name));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/subscriptions"));
    }

    private static ValidatableResponse assertProblem(Map<String, ?> body, String parameter) {
        return given().contentType(ContentType.JSON).body(body).post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", endsWith("/invalid-parameter"))
                .body("parameter", equalTo(parameter));
    }
}
