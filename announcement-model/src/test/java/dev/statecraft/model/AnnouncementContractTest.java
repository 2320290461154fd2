package dev.statecraft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnnouncementContractTest {

    static Announcement sample() {
        ParsedAnnouncement parsed = new ParsedAnnouncement(
                "EU High Representative visits London", null, "Kaja Kallas will arrive in London today.",
                Instant.parse("2025-03-18T00:00:00Z"), false, null, null, "text", Kind.VISIT,
                List.of(new CountryMention("GB", List.of(new Span(33, 39)))),
                List.of(new OrganisationMention("EU", "European Union", List.of())),
                List.of(new PersonMention("Kaja Kallas", "High Representative for Foreign Affairs", List.of(new Span(0, 11)))),
                List.of(new LocationMention("London", "GB", List.of(new Span(33, 39)))),
                List.of(new DateMention("2025-05-19", Precision.DAY, "19 May", "first UK-EU Summit", List.of())),
                List.of(new Amount(new BigDecimal("450000000000"), "USD", "$450 billion", List.of())),
                List.of(new Quantity(new BigDecimal("120000"), "soldiers", "over 120,000 soldiers", List.of())),
                List.of(new Quote("Foreign Secretary", "A strong and secure Britain…", List.of())),
                List.of(new Sanction("imposed", List.of(new SanctionTarget("Russia", "entity")), "Russia", List.of())),
                List.of(new Engagement(Kind.SUMMIT, "UK-EU Summit", "2025-05-19", null)));
        return Announcement.of("ann_abc123", 1,
                new Source("https://www.gov.uk/government/news/x", "Foreign, Commonwealth & Development Office", "text"),
                Instant.parse("2025-03-18T09:30:00Z"), "1.0.0", parsed);
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = Announcement.class.getResourceAsStream("announcement.v1.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void serialisedEventFollowsTheSchemaAndUsesSnakeCase() throws Exception {
        String json = AnnouncementJson.write(sample());
        JsonNode node = AnnouncementJson.mapper().readTree(json);

        Set<ValidationMessage> errors = schema().validate(node);
        assertThat(errors).isEmpty();
        assertThat(node.get("published_at").asText()).isEqualTo("2025-03-18T00:00:00Z");
        assertThat(node.get("body_text").asText()).startsWith("Kaja Kallas");
        assertThat(node.get("kind").asText()).isEqualTo("visit");
        assertThat(node.at("/countries/0/spans/0").toString()).isEqualTo("[33,39]");
        assertThat(node.at("/amounts/0/value").asLong()).isEqualTo(450_000_000_000L);
        assertThat(node.at("/engagements/0/kind").asText()).isEqualTo("summit");
    }

    @Test
    void roundTripKeepsEveryField() {
        Announcement original = sample();
        Announcement read = AnnouncementJson.readEvent(AnnouncementJson.write(original));
        assertThat(read).isEqualTo(original);
    }

    @Test
    void readersIgnoreUnknownFieldsAndUnknownKinds() {
        String json = AnnouncementJson.write(sample())
                .replace("\"kind\":\"visit\"", "\"kind\":\"coronation\",\"added_in_v1_1\":{\"x\":1}");
        Announcement read = AnnouncementJson.readEvent(json);
        assertThat(read.kind()).isEqualTo(Kind.OTHER);
        assertThat(read.title()).isEqualTo("EU High Representative visits London");
    }

    @Test
    void missingCollectionsReadAsEmpty() {
        Announcement read = AnnouncementJson.readEvent(
                "{\"id\":\"ann_1\",\"revision\":2,\"published_at\":\"2025-01-01T00:00:00Z\",\"title\":\"t\"}");
        assertThat(read.countries()).isEmpty();
        assertThat(read.quotes()).isEmpty();
        assertThat(read.kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void eventsThatNoReaderCanApplyAreRejected() {
        assertThatThrownBy(() -> AnnouncementJson.readEvent("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> AnnouncementJson.readEvent("{\"revision\":1}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("no id");
        assertThatThrownBy(() -> AnnouncementJson.readEvent(
                "{\"id\":\"ann_1\",\"revision\":0,\"published_at\":\"2025-01-01T00:00:00Z\",\"title\":\"t\"}"))
                .hasMessageContaining("revision");
        assertThatThrownBy(() -> AnnouncementJson.readEvent("{\"id\":\"ann_1\",\"revision\":1,\"title\":\"t\"}"))
                .hasMessageContaining("published_at");
        assertThatThrownBy(() -> AnnouncementJson.readEvent("null")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void eventTypesFollowTheRevision() {
        assertThat(AnnouncementEvents.typeFor(1)).isEqualTo("dev.statecraft.announcement.published.v1");
        assertThat(AnnouncementEvents.typeFor(3)).isEqualTo("dev.statecraft.announcement.revised.v1");
        assertThat(AnnouncementEvents.isKnownType("dev.statecraft.announcement.published.v2")).isFalse();
    }
}
