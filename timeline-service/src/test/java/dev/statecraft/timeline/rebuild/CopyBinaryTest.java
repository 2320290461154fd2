package dev.statecraft.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.timeline.projection.EntryRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The rebuild's binary COPY stores exactly what the text form (the live upsert's values, {@link CopyText})
 * stores, value for value, for the rows where the two forms could part: fractions of a second PostgreSQL
 * rounds, non-ASCII lexemes (PostgreSQL's byte order), capped and repeated positions, overlapping date ranges,
 * nulls and empty arrays; and a value the text form cannot hold is refused by both.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CopyBinaryTest {
    private static final String COLUMNS = String.join(", ", EntryRow.COLUMNS) + ", applied_at";

    @Inject
    DataSource dataSource;

    @Test
    void binaryRowsEqualTextRowsValueForValue() throws Exception {
        List<EntryRow> rows = new ArrayList<>();
        rows.add(row("2026-01-02T03:04:05Z", "Ministers' talks in Zürich on naïve café policy: 東京 and Ελλάδα",
                "The ministers agreed.\tTabs, \\backslashes\\ and\nnew lines; Ärzte, ÆØÅ, straße, İstanbul, ﬁnance.",
                "[{\"date\":\"2031-05\"},{\"date\":\"2031-05-19\"},{\"date\":\"2032\"},{\"date\":\"2031-02-30\"}]",
                "[{\"code\":\"JP\"},{\"code\":\"GR\"}]", true));
        // Fractions PostgreSQL rounds (half to even at the microsecond), up into the next second too.
        rows.add(row("2026-01-02T03:04:05.123456500Z", "Half even", null, "[]", "[]", false));
        rows.add(row("2026-01-02T03:04:05.123457500Z", "Half even up", "", "[]", "[]", true));
        rows.add(row("2026-01-02T03:04:05.999999999Z", "Next second", "x", "[]", "[]", false));
        rows.add(row("0001-01-01T00:00:00.0000005Z", "Year one", "Early.", "[{\"date\":\"0001\"}]", "[]", true));
        rows.add(row("9999-12-31T23:59:59.999999499Z", "Year 9999", "Late.", "[{\"date\":\"9999-12\"}]", "[]", true));
        // Over 256 positions for one lexeme and positions past 16383, where tsvector caps them.
        rows.add(row("2026-03-04T05:06:07Z", "Long", "security talks ".repeat(9000), "[]", "[]", true));
        Instant appliedAt = Instant.parse("2026-11-27T12:34:56.789012345Z");

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String text = "copy_text_" + suffix;
        String binary = "copy_binary_" + suffix;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table " + text + " (like timeline_entry including defaults)");
            s.execute("create table " + binary + " (like timeline_entry including defaults)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            ByteArrayOutputStream tuples = new ByteArrayOutputStream();
            tuples.write(CopyBinary.HEADER);
            long changeSeq = 1;
            for (EntryRow row : rows) {
                lines.write(CopyText.line(row, appliedAt.toString()));
                tuples.write(CopyBinary.numberedTuple(row, CopyBinary.micros(appliedAt), changeSeq++));
            }
            tuples.write(CopyBinary.TRAILER);
            assertThat(copy.copyIn("copy " + text + " (" + COLUMNS + ") from stdin",
                    new ByteArrayInputStream(lines.toByteArray()))).isEqualTo(rows.size());
            assertThat(copy.copyIn("copy " + binary + " (" + COLUMNS + ", change_seq) from stdin (format binary)",
                    new ByteArrayInputStream(tuples.toByteArray()))).isEqualTo(rows.size());

            // Every column's text output and stored size, row by row.
            String values = "id, concat_ws('|', " + COLUMNS.replace("id, ", "") + ", pg_column_size(search), "
                    + "pg_column_size(mentioned_dates), pg_column_size(countries))";
            List<String> fromText = rows(s, "select " + values + " from " + text + " order by id");
            List<String> fromBinary = rows(s, "select " + values + " from " + binary + " order by id");
            assertThat(fromText).hasSize(rows.size());
            assertThat(fromBinary).isEqualTo(fromText);
            assertThat(rows(s, "select id from " + binary + " b join " + text + " t using (id) where "
                    + "(b.search, b.mentioned_dates, b.published_at, b.applied_at, b.countries) is distinct from "
                    + "(t.search, t.mentioned_dates, t.published_at, t.applied_at, t.countries)")).isEmpty();
            assertThat(fromText).anySatisfy(r -> assertThat(r).contains("{[2031-05-01,2031-06-01),[2032-01-01,2033-01-01)}"))
                    .anySatisfy(r -> assertThat(r).contains("2026-01-02 03:04:06+00"));
            s.execute("drop table " + text);
            s.execute("drop table " + binary);
        }
    }

    @Test
    void valuesTheTextFormCannotHoldAreRefusedAlike() {
        EntryRow nul = row("2026-01-02T03:04:05Z", "A NUL \0 inside", "body", "[]", "[]", true);
        assertThatThrownBy(() -> CopyText.line(nul, "2026-01-01T00:00:00Z")).isInstanceOf(CopyText.Unstorable.class);
        assertThatThrownBy(() -> CopyBinary.numberedTuple(nul, 0, 1)).isInstanceOf(CopyText.Unstorable.class);
        EntryRow beyond = row("+300000-01-01T00:00:00Z", "Beyond timestamptz", "body", "[]", "[]", true);
        assertThatThrownBy(() -> CopyBinary.numberedTuple(beyond, 0, 1)).isInstanceOf(CopyText.Unstorable.class);
    }

    private static EntryRow row(String publishedAt, String title, String body, String dates, String countries,
            boolean withSource) {
        String id = "cb_" + UUID.randomUUID();
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"revision\":1,\"published_at\":\""
                + publishedAt + "\",\"kind\":\"meeting\",\"title\":" + quoted(title));
        if (body != null) {
            json.append(",\"body_text\":").append(quoted(body)).append(",\"summary\":").append(quoted(body));
        }
        if (withSource) {
            json.append(",\"source\":{\"url\":\"https://example.org/").append(id)
                    .append("\",\"publisher\":\"Ministry of Defence\",\"format\":\"html\"}");
        }
        json.append(",\"dates\":").append(dates).append(",\"countries\":").append(countries)
                .append(",\"persons\":[{\"name\":\"Anna Kallas\"}],\"locations\":[{\"name\":\"Tokyo\"}]}");
        Announcement a = AnnouncementJson.readEvent(json.toString());
        return EntryRow.of(a);
    }

    private static String quoted(String s) {
        return AnnouncementJson.write(s);
    }

    private static List<String> rows(Statement s, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1) + (rs.getMetaData().getColumnCount() > 1 ? " " + rs.getString(2) : ""));
            }
        }
        return out;
    }
}
