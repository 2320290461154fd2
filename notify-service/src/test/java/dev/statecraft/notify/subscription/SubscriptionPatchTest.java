package dev.statecraft.notify.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PATCH /api/subscriptions/{id}: merge-patch semantics, validation as on create, authorization. */
@QuarkusTest
class SubscriptionPatchTest {
    private static final String URL = "http://127.0.0.1:9/hook";

    private static Created created() {
        return TestSubscriptions.create(Map.of("webhook_url", URL, "countries", List.of("GB"),
                "kinds", List.of("visit"), "keywords", List.of("NATO")));
    }

    private static ValidatableResponse patch(Created s, String token, String body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .when().patch("/api/subscriptions/" + s.id()).then();
    }

    @Test
    void changesOnlyTheGivenFieldsNormalisedAsOnCreate() {
        Created s = created();
        patch(s, s.managementToken(), """
                {"countries": ["ua", "pl"], "keywords": ["  shadow   fleet "], "notify_on_revisions": true}""")
                .statusCode(200)
                .body("countries", equalTo(List.of("PL", "UA")))
                .body("keywords", equalTo(List.of("shadow fleet")))
                .body("kinds", equalTo(List.of("visit")))
                .body("webhook_url", equalTo(URL))
                .body("notify_on_revisions", equalTo(true))
                .body("updated_at", notNullValue())
                .body("management_token", equalTo(null))
                .body("secret", equalTo(null));

        given().header("Authorization", "Bearer " + s.managementToken()).get("/api/subscriptions/" + s.id())
                .then().statusCode(200).body("countries", equalTo(List.of("PL", "UA")))
                .body("notify_on_revisions", equalTo(true));
    }

    @Test
    void nullOrEmptyClearsAFilterAndMergePatchMediaTypeIsAccepted() {
        Created s = created();
        given().header("Authorization", "Bearer " + s.managementToken())
                .contentType("application/merge-patch+json").body("{\"countries\": null, \"kinds\": []}")
                .when().patch("/api/subscriptions/" + s.id())
                .then().statusCode(200)
                .body("countries", equalTo(List.of()))
                .body("kinds", equalTo(List.of()))
                .body("keywords", equalTo(List.of("NATO")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"countries\": [\"XX\"]}|countries",
            "{\"kinds\": [\"picnic\"]}|kinds",
            "{\"keywords\": [\"  \"]}|keywords",
            "{\"webhook_url\": \"ftp://example.org/x\"}|webhook_url",
            "{\"webhook_url\": null}|webhook_url",
            "{\"notify_on_revisions\": \"yes\"}|notify_on_revisions",
            "{\"secret\": \"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}|secret",
            "{\"frequency\": \"hourly\"}|frequency"})
    void invalidFieldsAre400NamingTheField(String body, String parameter) {
        Created s = created();
        patch(s, s.managementToken(), body).statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter));
        // nothing changed
        given().header("Authorization", "Bearer " + s.managementToken()).get("/api/subscriptions/" + s.id())
                .then().body("countries", equalTo(List.of("GB"))).body("webhook_url", equalTo(URL))
                .body("updated_at", equalTo(null));
    }

    @Test
    void emptyOrMalformedBodyIs400() {
        Created s = created();
        patch(s, s.managementToken(), "{}").statusCode(400).body("type", containsString("empty-patch"));
        patch(s, s.managementToken(), "[1]").statusCode(400).body("type", containsString("malformed-json"));
        patch(s, s.managementToken(), "{\"kinds\": [] } x").statusCode(400);
    }

    @Test
    void onlyItsTokenOrTheOperatorMayPatch() {
        Created s = created();
        Created other = created();
        patch(s, other.managementToken(), "{\"keywords\": []}").statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body("{\"keywords\": []}").patch("/api/subscriptions/" + s.id())
                .then().statusCode(401);
        patch(s, TestSubscriptions.OPERATOR_TOKEN, "{\"keywords\": []}").statusCode(200)
                .body("keywords", equalTo(List.of()));
        given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN).contentType(ContentType.JSON)
                .body("{\"keywords\": []}").patch("/api/subscriptions/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + s.managementToken()).contentType(ContentType.JSON)
                .body("{\"keywords\": []}").patch("/api/subscriptions/" + java.util.UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void anEndedSubscriptionCannotBeChanged() {
        Created s = created();
        given().header("Authorization", "Bearer " + s.managementToken()).delete("/api/subscriptions/" + s.id())
                .then().statusCode(204);
        patch(s, s.managementToken(), "{\"keywords\": []}").statusCode(409)
                .body("type", containsString("subscription-ended"));
    }

    @Test
    void createAcceptsTheRevisionsOptIn() {
        Map<String, Object> body = new HashMap<>(Map.of("webhook_url", URL, "notify_on_revisions", true));
        Created s = TestSubscriptions.create(body);
        TestSubscriptions.get(s);
        given().header("Authorization", "Bearer " + s.managementToken()).get("/api/subscriptions/" + s.id())
                .then().body("notify_on_revisions", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("webhook_url", URL, "notify_on_revisions", "true"))
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("notify_on_revisions"));
    }
}
