package dev.statecraft.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken inputs get a precise 4xx and store nothing, or are stored safely; never a 500. */
@QuarkusTest
class HostileInputTest {

    private static void refusedAndNothingStored(Response response) {
        response.then().statusCode(lessThan(500)).contentType("application/problem+json")
                .body(not(containsString("Exception")), not(containsString("\tat ")));
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void refusesWhatCannotBeAnAnnouncement() {
        long before = OutboxRowCounter.total();
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        refusedAndNothingStored(given().contentType("text/plain").body(binary).post("/api/announcements"));
        refusedAndNothingStored(given().contentType("application/octet-stream").body(binary).post("/api/announcements"));
        refusedAndNothingStored(given().contentType("text/plain").body("text with a NUL \u0000 inside")
                .post("/api/announcements"));
        // Bytes, not strings: REST Assured would try to pretty-print a JSON string it sends.
        refusedAndNothingStored(given().contentType("application/json")
                .body(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8))
                .post("/api/announcements"));
        refusedAndNothingStored(given().contentType("application/json")
                .body(("{\"body\": {\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8))
                .post("/api/announcements"));
        refusedAndNothingStored(given().contentType("application/json").body("{\"body\": \"x\", \"body\": 5}")
                .post("/api/announcements"));
        refusedAndNothingStored(given().contentType("application/json").body("{\"body\":\"x\"} trailing")
                .post("/api/announcements"));
        refusedAndNothingStored(given().contentType("text/plain").queryParam("published", "2025-02-30")
                .body("text").post("/api/announcements"));
        refusedAndNothingStored(given().contentType("text/plain")
                .queryParam("source_url", "javascript:alert(1)").body("text").post("/api/announcements"));
        refusedAndNothingStored(given().contentType("text/plain").body("   \n\t  ").post("/api/announcements"));
        refusedAndNothingStored(given().contentType("text/plain").body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .post("/api/announcements"));
        assertThat(OutboxRowCounter.total()).isEqualTo(before);
    }

    @Test
    void storesAwkwardButValidTextSafely() {
        String sql = "Robert'); DROP TABLE announcement;-- said the Foreign Secretary. " + System.nanoTime();
        String id = given().contentType("text/plain").body(sql).post("/api/announcements")
                .then().statusCode(202).extract().path("id");
        given().get("/api/announcements/" + id).then().statusCode(200).body("body_text", containsString("DROP TABLE"));

        String html = "<html><head><script>document.write('evil')</script><style>p{}</style></head><body>"
                + "<p onclick=\"steal()\">The UK and France met in Paris. " + System.nanoTime() + "</p>"
                + "<iframe src=\"https://attacker.example\"></iframe></body></html>";
        String htmlId = given().contentType("text/html").body(html).post("/api/announcements")
                .then().statusCode(202).extract().path("id");
        String stored = given().get("/api/announcements/" + htmlId).then().statusCode(200).extract().path("body_text");
        assertThat(stored).contains("The UK and France met in Paris").doesNotContain("evil").doesNotContain("steal");

        // Header injection attempts in metadata end up as data, not as headers.
        given().contentType("text/plain").queryParam("publisher", "FCDO\r\nSet-Cookie: x=1")
                .body("The UK welcomed the agreement. " + System.nanoTime()).post("/api/announcements")
                .then().statusCode(202).header("Set-Cookie", org.hamcrest.Matchers.nullValue());

        // Mixed scripts and unbalanced quotes parse without harm.
        given().contentType("text/plain").body("“Unbalanced quote about Україна and 中国 and عربي " + System.nanoTime())
                .post("/api/announcements").then().statusCode(202);
    }
}
