package dev.statecraft.ingest.sources;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SourcesApiTest {
    static final String OPERATOR = SourcePollingTest.OPERATOR;

    @Test
    void everyCallNeedsTheOperatorToken() {
        given().get("/api/sources").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").get("/api/sources").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"feed_url\":\"https://example.org/feed\"}")
                .post("/api/sources").then().statusCode(401);
        given().delete("/api/sources/1").then().statusCode(401);
    }

    @Test
    void createChangeAndRemoveASource() {
        String url = "https://www.gov.uk/search/news-and-communications.atom?q=" + UUID.randomUUID();
        long id = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"GOV.UK\",\"feed_url\":\"" + url + "\",\"enabled\":false}")
                .post("/api/sources").then().statusCode(201)
                .body("poll_interval_seconds", equalTo(SourcesResource.DEFAULT_INTERVAL_SECONDS),
                        "enabled", equalTo(false), "status.next_poll_at", nullValue(),
                        "status.items_seen", equalTo(0))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"again\",\"feed_url\":\"" + url + "\"}")
                .post("/api/sources").then().statusCode(409).body("parameter", equalTo("feed_url"));

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"poll_interval_seconds\":300,\"publisher\":\"FCDO\"}")
                .patch("/api/sources/" + id).then().statusCode(200)
                .body("poll_interval_seconds", equalTo(300), "publisher", equalTo("FCDO"), "name", equalTo("GOV.UK"),
                        "enabled", equalTo(false));

        given().header("Authorization", OPERATOR).delete("/api/sources/" + id).then().statusCode(204);
        given().header("Authorization", OPERATOR).get("/api/sources/" + id).then().statusCode(404);
        given().header("Authorization", OPERATOR).get("/api/sources/not-a-number").then().statusCode(404);

        // Every change is in the audit log, the refused duplicate too.
        given().header("Authorization", OPERATOR).get("/admin/audit?action=source.update").then().statusCode(200)
                .body("target", org.hamcrest.Matchers.hasItem("source/" + id));
        given().header("Authorization", OPERATOR).get("/admin/audit?action=source.create").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.hasItems(201, 409));
        given().header("Authorization", OPERATOR).get("/admin/audit?action=source.delete").then().statusCode(200)
                .body("target", org.hamcrest.Matchers.hasItem("source/" + id));
    }

    @Test
    void badInputIsAPreciseProblem() {
        post("{\"name\":\"x\"}").then().statusCode(400).body("parameter", equalTo("feed_url"));
        post("{\"name\":\"x\",\"feed_url\":\"ftp://example.org/feed\"}").then().statusCode(400)
                .body("parameter", equalTo("feed_url"));
        post("{\"name\":\"x\",\"feed_url\":\"https://example.org/f\",\"poll_interval_seconds\":0}").then()
                .statusCode(400).body("parameter", equalTo("poll_interval_seconds"));
        post("{\"name\":\"x\",\"feed_url\":\"https://example.org/f\",\"poll_interval_seconds\":\"60\"}").then()
                .statusCode(400).body("parameter", equalTo("poll_interval_seconds"));
        post("{\"name\":\"x\",\"feed_url\":\"https://example.org/f\",\"interval\":60}").then().statusCode(400)
                .body("parameter", equalTo("interval"));
        post("{\"name\":\"x\",").then().statusCode(400).contentType("application/problem+json");
        post("[]").then().statusCode(400);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"enabled\":\"yes\"}")
                .patch("/api/sources/999999").then().statusCode(404);
    }

    private static io.restassured.response.Response post(String body) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body).post("/api/sources");
    }
}
