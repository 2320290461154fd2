package dev.statecraft.ingest.sources;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.ingest.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed polling against a local publisher ({@link FeedFixtureServer}); no internet. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(FeedFixtureServer.class)
class SourcePollingTest {
    static final String OPERATOR = "Bearer test-operator-token-not-a-secret";
    static final String KYIV = "/api/content/government/news/foreign-secretary-meets-ukrainian-foreign-minister-in-kyiv";
    static final String CHRISTMAS = "/api/content/government/news/christmas-2016-prime-ministers-message-from-azerbaijan";
    static final String SHADOW_FLEET = "/api/content/government/news/uk-sanctions-russian-shadow-fleet-vessels";
    static final String WARSAW = "/pages/ambassador-meets-polish-deputy-foreign-minister.html";

    @Test
    void pollsFeedsIngestsEachNewItemOnceAndKeepsGoingPastBrokenOnes() {
        long govuk = create("GOV.UK FCDO news", FeedFixtureServer.GOVUK_FEED);
        long broken = create("Broken feed", FeedFixtureServer.BROKEN_FEED);
        long missing = create("Gone feed", FeedFixtureServer.MISSING_FEED);
        long embassy = create("Embassy in Warsaw", FeedFixtureServer.EMBASSY_FEED);

        // The broken and the missing feed are polled first (created earlier), and fail; the others still go.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status(govuk).getLong("status.items_ingested")).isEqualTo(2);
            assertThat(status(embassy).getLong("status.items_ingested")).isEqualTo(1);
        });
        List<FeedItem> govukItems = items(govuk);
        assertThat(govukItems).extracting(i -> i.outcome).containsOnly("accepted");
        for (FeedItem item : govukItems) {
            assertThat(TopicReader.recordsFor(item.announcementId)).as("one event per item").hasSize(1);
        }
        given().get("/api/announcements/" + items(embassy).get(0).announcementId).then().statusCode(200)
                .body("source.url", org.hamcrest.Matchers.containsString(WARSAW))
                .body("title", org.hamcrest.Matchers.equalTo("Ambassador meets Polish Deputy Foreign Minister in Warsaw"));

        // Unchanged GOV.UK feed: each further poll is one 304, nothing fetched again.
        int notModified = FeedFixtureServer.notModified(FeedFixtureServer.GOVUK_FEED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FeedFixtureServer.notModified(FeedFixtureServer.GOVUK_FEED) >= notModified + 2);
        // The embassy feed has no validators: fetched in full each time, but its page only once.
        int embassyPolls = FeedFixtureServer.hits(FeedFixtureServer.EMBASSY_FEED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FeedFixtureServer.hits(FeedFixtureServer.EMBASSY_FEED) >= embassyPolls + 2);
        assertThat(FeedFixtureServer.hits(KYIV)).isEqualTo(1);
        assertThat(FeedFixtureServer.hits(CHRISTMAS)).isEqualTo(1);
        assertThat(FeedFixtureServer.hits(WARSAW)).isEqualTo(1);

        // GOV.UK publishes: the new entry is fetched and ingested, the others are not fetched again.
        FeedFixtureServer.publishSecondVersionOfGovukFeed();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(govuk).getLong("status.items_ingested")).isEqualTo(3));
        assertThat(FeedFixtureServer.hits(SHADOW_FLEET)).isEqualTo(1);
        assertThat(FeedFixtureServer.hits(KYIV)).isEqualTo(1);

        JsonPath good = status(govuk);
        assertThat(good.getInt("status.consecutive_errors")).isZero();
        assertThat(good.getString("status.last_success_at")).isNotNull();
        assertThat(good.getString("status.last_error")).isNull();
        assertThat(good.getLong("status.items_seen")).isEqualTo(3);
        assertThat(good.getBoolean("status.conditional_get")).isTrue();

        JsonPath bad = status(broken);
        assertThat(bad.getInt("status.consecutive_errors")).isPositive();
        assertThat(bad.getString("status.last_error")).contains("not a readable Atom/RSS feed");
        assertThat(bad.getString("status.last_success_at")).isNull();
        assertThat(bad.getString("status.last_poll_at")).isNotNull();
        // Backing off: the next poll is further away than the one-second interval.
        assertThat(Duration.between(Instant.parse(bad.getString("status.last_error_at")),
                Instant.parse(bad.getString("status.next_poll_at")))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(status(missing).getString("status.last_error")).contains("HTTP 404");

        // Listing shows every source with its status.
        JsonPath all = given().header("Authorization", OPERATOR).get("/api/sources").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("id", Long.class)).contains(govuk, broken, missing, embassy);
    }

    private static long create(String name, String path) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"feed_url\":\"" + FeedFixtureServer.base() + path
                        + "\",\"poll_interval_seconds\":1}")
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath status(long id) {
        return given().header("Authorization", OPERATOR).get("/api/sources/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<FeedItem> items(long sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> FeedItem.<FeedItem>list("key.sourceId", sourceId));
    }
}
