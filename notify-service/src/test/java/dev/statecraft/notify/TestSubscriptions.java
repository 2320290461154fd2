package dev.statecraft.notify;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Creates subscriptions and reads them back through the public API. */
public final class TestSubscriptions {
    public static final String OPERATOR_TOKEN = "test-operator-token-not-a-secret";

    private TestSubscriptions() {
    }

    public record Created(String id, String secret, String managementToken) {
    }

    public static Created create(Map<String, Object> body) {
        JsonPath json = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/subscriptions")
                .then().statusCode(201).extract().jsonPath();
        return new Created(json.getString("id"), json.getString("secret"), json.getString("management_token"));
    }

    public static Created forKeyword(WebhookReceiver receiver, String keyword) {
        return create(Map.of("webhook_url", receiver.url(), "keywords", List.of(keyword)));
    }

    public static List<Map<String, Object>> deliveries(Created s) {
        return given().header("Authorization", "Bearer " + s.managementToken())
                .when().get("/api/subscriptions/" + s.id() + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static JsonPath get(Created s) {
        return given().header("Authorization", "Bearer " + s.managementToken())
                .when().get("/api/subscriptions/" + s.id())
                .then().statusCode(200).extract().jsonPath();
    }
}
