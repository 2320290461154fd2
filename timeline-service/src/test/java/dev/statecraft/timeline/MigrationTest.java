package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V2 on a database that already holds V1 rows: the new columns are filled from the stored event. */
class MigrationTest {

    @Test
    void v2BackfillsRowsProjectedBeforeIt() throws SQLException {
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresTestResource.server().createDatabase(database);
        String url = PostgresTestResource.server().jdbcUrl(database);
        flyway(url, "1").migrate();
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into timeline_entry (id, revision, published_at, kind, title, event, applied_at)
                    values ('ann_old', 1, now(), 'visit', 'Minister visits Tokyo', '{"id": "ann_old",
                      "body_text": "Talks on semiconductors in Tokyo.",
                      "locations": [{"name": "Tokyo", "country": "JP"}, {"name": "Tokyo"}, {"name": ""}],
                      "dates": [{"date": "2031-05-19"}, {"date": "2031-07"}, {"date": "2032"},
                                {"date": "2031-02-30"}, {"date": "next week"}]}', now())""");
            flyway(url, null).migrate();

            try (ResultSet rs = s.executeQuery("""
                    select locations, mentioned_dates::text, body_text, search @@ to_tsquery('english', 'semiconductor')
                    from timeline_entry where id = 'ann_old'""")) {
                assertThat(rs.next()).isTrue();
                assertThat((String[]) rs.getArray(1).getArray()).containsExactly("Tokyo");
                // Each date covers its precision; the impossible and the unparseable dates are left out.
                assertThat(rs.getString(2))
                        .isEqualTo("{[2031-05-19,2031-05-20),[2031-07-01,2031-08-01),[2032-01-01,2033-01-01)}");
                assertThat(rs.getString(3)).isEqualTo("Talks on semiconductors in Tokyo.");
                assertThat(rs.getBoolean(4)).isTrue();
            }
        }
    }

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, LocalPostgres.USER, LocalPostgres.PASSWORD)
                .locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }
}
