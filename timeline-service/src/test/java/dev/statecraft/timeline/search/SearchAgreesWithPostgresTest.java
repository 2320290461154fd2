package dev.statecraft.timeline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The Java analyzer against PostgreSQL's 'english' configuration, on the real server: for text of plain words
 * (stemming, stop words, apostrophes, case, repeats) the stored vector equals the former generated column, and
 * a query equals websearch_to_tsquery, so rows stored before V10 and after match the same queries; and what the
 * query side builds matches what the index side stored (phrases across stop words, or, negation).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SearchAgreesWithPostgresTest {
    private static final List<String[]> DOCUMENTS = List.of(
            new String[] {"Minister visits Tokyo", "Talks on semiconductors and the running of supply chains."},
            new String[] {"Sanctions imposed on Russian banks", "The Foreign Secretary's statement: sanctions were "
                + "imposed today on three Russian banks, their directors and the ministries behind them."},
            new String[] {"The Bank of England", "Generously, organisations' organizational generalisations; "
                + "happily, happiness, happier. Running runs ran; CONSIGNED consigning consignment."},
            new String[] {"", "Only a body, with Kaja Kallas's remarks in Brussels and NATO readiness 2025"},
            new String[] {"Title only: Agreement on defence co-operation", null},
            new String[] {"Ukraine Ukraine ukraine", "ukraine, UKRAINE; Ukraine's aid. Ministers' ministerial minister"});

    private static final List<String> QUERIES = List.of("semiconductor", "banks OR readiness", "\"russian banks\"",
            "sanctions -banks", "\"bank of england\"", "the", "running ministers", "Kallas's remarks",
            "generously happiness or consigned", "\"sanctions were imposed\" -tokyo");

    @Inject
    DataSource dataSource;

    @Test
    void theVectorEqualsPostgresEnglishForPlainWords() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select cast(? as tsvector)::text, (setweight(to_tsvector('english', coalesce(?, '')), 'A')
                                                   || setweight(to_tsvector('english', coalesce(?, '')), 'B'))::text""")) {
            for (String[] doc : DOCUMENTS) {
                if (doc[0].contains("-") || doc[1] == null || doc[1].matches(".*\\d.*")) {
                    continue; // hyphenated words and numbers: split into parts here, kept whole by PostgreSQL
                }
                ps.setString(1, SearchVector.of(doc[0], doc[1]));
                ps.setString(2, doc[0]);
                ps.setString(3, doc[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as(doc[0]).isEqualTo(rs.getString(2));
                }
            }
        }
    }

    @Test
    void theQueryEqualsWebsearchToTsquery() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select cast(? as tsquery)::text, websearch_to_tsquery('english', ?)::text")) {
            for (String q : QUERIES) {
                ps.setString(1, SearchQuery.parse(q));
                ps.setString(2, q);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as(q).isEqualTo(rs.getString(2));
                }
            }
        }
    }

    @Test
    void everyQueryMatchesTheSameDocumentsAsPostgresWould() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select cast(? as tsvector) @@ cast(? as tsquery),
                       (setweight(to_tsvector('english', coalesce(?, '')), 'A')
                        || setweight(to_tsvector('english', coalesce(?, '')), 'B')) @@ websearch_to_tsquery('english', ?)""")) {
            int matches = 0;
            for (String[] doc : DOCUMENTS) {
                for (String q : QUERIES) {
                    ps.setString(1, SearchVector.of(doc[0], doc[1]));
                    ps.setString(2, SearchQuery.parse(q));
                    ps.setString(3, doc[0]);
                    ps.setString(4, doc[1]);
                    ps.setString(5, q);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getBoolean(1)).as(q + " on " + doc[0]).isEqualTo(rs.getBoolean(2));
                        matches += rs.getBoolean(1) ? 1 : 0;
                    }
                }
            }
            assertThat(matches).as("the cases are not all misses").isGreaterThan(8);
        }
    }

    @Test
    void queriesAndVectorsFromTheSameAnalyzerAgree() throws Exception {
        String vector = SearchVector.of("Agreement on defence co-operation",
                "The Bank of England's governor met 3 ministers; inflation at 2.5 percent.");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select cast(? as tsvector) @@ cast(? as tsquery)")) {
            for (var q : List.of(new Object[] {"co-operation", true}, new Object[] {"\"defence co-operation\"", true},
                    new Object[] {"\"bank of england\"", true}, new Object[] {"\"england of bank\"", false},
                    new Object[] {"2.5 percent", true}, new Object[] {"cooperation", false},
                    new Object[] {"governors or nothing", true}, new Object[] {"-inflation", false},
                    new Object[] {"of the", false})) {
                ps.setString(1, vector);
                ps.setString(2, SearchQuery.parse((String) q[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as((String) q[0]).isEqualTo(q[1]);
                }
            }
        }
    }

    @Test
    void stopWordsAndStemsAreThoseOfPostgres() {
        assertThat(SearchQuery.parse("the of and")).isEmpty();
        assertThat(EnglishAnalyzer.stem("sanctions")).isEqualTo("sanction");
        assertThat(EnglishAnalyzer.stem("generously")).isEqualTo("generous");
        assertThat(SearchVector.of("The Bank", "of England")).isEqualTo("'bank':2A 'england':4B");
        // The per-thread memo of lexemes by the word as written: case variants, repeats and stop words come out as
        // on first sight, the second time too.
        for (int i = 0; i < 2; i++) {
            assertThat(SearchVector.of("The Bank THE bank", "the BANK of England"))
                    .isEqualTo("'bank':2A,4A,6B 'england':8B");
        }
    }
}
