package dev.statecraft.timeline.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL path's bounded statements give the pages the API documents, followed through their cursors: mentioned
 * dates newest first (the KNN index scan, with instants that tie and lie within a millisecond of each other),
 * newest first in publication-time slices, and relevance over the newest {@code relevance-candidates} matches, whose
 * later pages keep ranking the same window while newer matches arrive. Each test writes its own rows (a unique word and id prefix) and compares the API's
 * pages with a plain SQL statement of the documented order.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SqlPathPagesTest {
    /** statecraft.timeline.relevance-candidates, as configured. */
    static final int CANDIDATES = 1000;

    @Inject
    DataSource db;

    @Test
    void mentionedDatesPagesFollowTheOrderOfSql() throws Exception {
        String word = uniqueWord();
        String prefix = "ann_dates_" + word;
        SqlPathRows.insert(db, prefix, word, 300, Instant.parse("1700-03-01T12:00:00Z"));

        assertThat(walk("event_from", "2031-05-10", "event_to", "2031-05-10", "q", word))
                .hasSize(150)
                .containsExactlyElementsOf(ids("select id from timeline_entry where id like ? and search @@ to_tsquery("
                        + "'english', ?) and mentioned_dates && daterange('2031-05-10', '2031-05-10', '[]')"
                        + " order by published_at desc, id desc", prefix + "%", word));
        assertThat(walk("event_from", "2031-06-15", "q", word))
                .hasSize(100)
                .containsExactlyElementsOf(ids("select id from timeline_entry where id like ? and search @@ to_tsquery("
                        + "'english', ?) and mentioned_dates && daterange('2031-06-15', null, '[]')"
                        + " order by published_at desc, id desc", prefix + "%", word));
    }

    @Test
    void newestFirstPagesReadInTimeSlicesFollowTheOrderOfSql() throws Exception {
        String word = uniqueWord();
        String prefix = "ann_slices_" + word;
        // 100 instants a week apart (with ties and sub-millisecond neighbours): about two years, so the pages
        // cross the 32-, 128- and 512-day slices, some of them part-way through a page.
        SqlPathRows.insert(db, prefix, word, 300, Instant.parse("1600-03-01T12:00:00Z"), java.time.Duration.ofDays(7));

        assertThat(walk("q", word)).hasSize(300).containsExactlyElementsOf(ids("select id from timeline_entry"
                + " where id like ? order by published_at desc, id desc", prefix + "%"));
        assertThat(walk("q", word + " -notes", "limit", "11")).hasSize(75).containsExactlyElementsOf(ids("select id"
                + " from timeline_entry where id like ? and title like '%' || ? order by published_at desc, id desc",
                prefix + "%", word));
    }

    @Test
    void relevanceRanksTheNewestMatchesAndItsPagesKeepTheirWindow() throws Exception {
        String word = uniqueWord();
        String prefix = "ann_rank_" + word;
        Instant newest = Instant.parse("1700-06-01T12:00:00Z");
        SqlPathRows.insert(db, prefix, word, CANDIDATES + 200, newest);
        List<String> expected = ids("with c as (select id, ts_rank(search, to_tsquery('english', ?)) r from timeline_entry"
                + " where id like ? and search @@ to_tsquery('english', ?) order by published_at desc, id desc limit "
                + CANDIDATES + ") select id from c order by r desc, id desc", word, prefix + "%", word);
        assertThat(expected).hasSize(CANDIDATES);

        assertThat(walk("q", word, "sort", "relevance", "limit", "90")).containsExactlyElementsOf(expected);

        // Newer matches arrive after the first page: the later pages still hold every candidate of the first,
        // once each (the newcomers may join them; they are inside the window).
        JsonPath first = page(List.of("q", word, "sort", "relevance", "limit", "60"));
        assertThat(first.getString("items[0].snippet")).contains("<mark>");
        SqlPathRows.insert(db, prefix + "_later", word, 30, newest.plusSeconds(3600));
        List<String> seen = new ArrayList<>(first.getList("items.id"));
        for (String next = first.getString("next"); next != null; ) {
            JsonPath page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            next = page.getString("next");
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(expected);
    }

    /** Every id of the query's pages (of 7 unless it names a limit), followed through their next links. */
    private static List<String> walk(String... parameters) {
        List<String> pairs = new ArrayList<>(List.of(parameters));
        if (!pairs.contains("limit")) {
            pairs.addAll(List.of("limit", "7"));
        }
        JsonPath page = page(pairs);
        List<String> ids = new ArrayList<>(page.getList("items.id"));
        for (String next = page.getString("next"); next != null; next = page.getString("next")) {
            page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
        }
        return ids;
    }

    private static JsonPath page(List<String> parameters) {
        RequestSpecification request = given();
        for (int i = 0; i < parameters.size(); i += 2) {
            request = request.queryParam(parameters.get(i), parameters.get(i + 1));
        }
        return request.get("/api/timeline").then().statusCode(200).extract().jsonPath();
    }

    private List<String> ids(String query, String... values) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Letters only (the analyzer keeps the word whole: no digits), unique per test. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 12).toCharArray()) {
            word.append(c <= '9' ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }
}
