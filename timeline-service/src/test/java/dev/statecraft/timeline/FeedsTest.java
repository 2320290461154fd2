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
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class FeedsTest {

    static String seed() {
        String day = TimelineTest.uniqueDay();
        for (int hour = 1; hour <= 3; hour++) {
            Events.send(Events.with(Events.newId()).title("Talks " + hour + " & <more>").kind(Kind.MEETING)
                    .publishedAt(TimelineTest.at(day, hour)).countries(hour == 2 ? "FR" : "DE").build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TimelineTest.timeline(day).getList("items").size() == 3);
        return day;
    }

    @Test
    void atomIsWellFormedWithTheRequiredElementsAndPagesOnWithNext() throws Exception {
        String day = seed();
        byte[] body = given().queryParam("from", day).queryParam("to", day).queryParam("limit", "2")
                .get("/api/timeline.atom").then().statusCode(200).contentType("application/atom+xml")
                .extract().asByteArray();
        Document atom = parse(body);
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("namespace-uri(/*[local-name()='feed'])", atom)).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(x.evaluate("/*[local-name()='feed']/*[local-name()='id']", atom)).isNotBlank();
        assertThat(x.evaluate("/*[local-name()='feed']/*[local-name()='title']", atom)).isNotBlank();
        Instant.parse(x.evaluate("/*[local-name()='feed']/*[local-name()='updated']", atom));
        NodeList entries = (NodeList) x.evaluate("//*[local-name()='entry']", atom, XPathConstants.NODESET);
        assertThat(entries.getLength()).isEqualTo(2);
        assertThat(x.evaluate("//*[local-name()='entry'][1]/*[local-name()='title']", atom)).isEqualTo("Talks 3 & <more>");
        assertThat(x.evaluate("//*[local-name()='entry'][1]/*[local-name()='id']", atom)).startsWith("tag:");
        Instant.parse(x.evaluate("//*[local-name()='entry'][1]/*[local-name()='updated']", atom));

        String next = x.evaluate("/*[local-name()='feed']/*[local-name()='link'][@rel='next']/@href", atom);
        assertThat(next).contains("cursor=").contains("from=" + day);
        Document second = parse(given().urlEncodingEnabled(false).get(URI.create(next).getRawPath() + "?"
                + URI.create(next).getRawQuery()).then().statusCode(200).extract().asByteArray());
        assertThat(x.evaluate("//*[local-name()='entry']/*[local-name()='title']", second)).isEqualTo("Talks 1 & <more>");
        assertThat(x.evaluate("/*[local-name()='feed']/*[local-name()='link'][@rel='next']", second)).isEmpty();
        assertThat(x.evaluate("/*[local-name()='feed']/*[local-name()='id']", second))
                .isEqualTo(x.evaluate("/*[local-name()='feed']/*[local-name()='id']", atom));
    }

    @Test
    void jsonFeedHonoursTheFilters() {
        String day = seed();
        JsonPath feed = given().queryParam("from", day).queryParam("to", day).queryParam("country", "DE")
                .get("/api/timeline.json").then().statusCode(200).contentType("application/feed+json")
                .extract().jsonPath();
        assertThat(feed.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.getString("title")).isNotBlank();
        assertThat(feed.getList("items.title")).containsExactly("Talks 3 & <more>", "Talks 1 & <more>");
        assertThat(feed.getList("items.id")).allSatisfy(id -> assertThat((String) id).startsWith("tag:"));
        assertThat(feed.getList("items.date_published")).containsExactly(TimelineTest.at(day, 3).toString(),
                TimelineTest.at(day, 1).toString());
        assertThat(feed.getString("next_url")).isNull();
    }

    @Test
    void feedsRejectInvalidParameters() {
        given().queryParam("kind", "party").get("/api/timeline.atom").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("kind"));
        given().queryParam("sort", "relevance").get("/api/timeline.json").then().statusCode(400)
                .body("parameter", equalTo("sort"));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
