package dev.statecraft.timeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.DateMention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The mentioned dates built in Java equal what the V2 SQL function computed from the stored event. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class MentionedDatesTest {
    @Inject
    DataSource dataSource;

    @Test
    void theLiteralEqualsTheSqlFunction() throws Exception {
        List<List<String>> cases = List.of(List.of(), List.of("2031-05-19", "2031-07", "2032"),
                List.of("2031-02-30", "next week", "2031-13", "0000", "2031-5-1", "20311"),
                List.of("2024-02-29", "2024-02", "2024", "2023-12-31", "9999-12"),
                List.of("2025-05-19", "2025-05-19", "2025-05-20"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select cast(? as datemultirange)::text, timeline_mentioned_dates(cast(? as jsonb))::text")) {
            for (List<String> dates : cases) {
                ps.setString(1, MentionedDates.literal(dates.stream()
                        .map(d -> new DateMention(d, null, d, null, List.of())).toList()));
                ps.setString(2, dates.stream().map(d -> "{\"date\": \"" + d + "\"}")
                        .collect(Collectors.joining(",", "{\"dates\": [", "]}")));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as(Arrays.toString(dates.toArray())).isEqualTo(rs.getString(2));
                }
            }
        }
    }
}
