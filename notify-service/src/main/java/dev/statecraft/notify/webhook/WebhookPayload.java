package dev.statecraft.notify.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.PersonMention;
import java.time.Instant;
import java.util.List;

/**
 * The body of an announcement webhook, in the Standard Webhooks shape {@code {type, timestamp, data}}. Built
 * once when the delivery is created and stored with it, so every retry sends (and signs) the same bytes.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookPayload(String type, Instant timestamp, Data data,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean test) {
    public static final String TYPE_PUBLISHED = "announcement.published";
    public static final String TYPE_REVISED = "announcement.revised";
    /** A sample alert asked for with POST /api/subscriptions/{id}/test; it also carries {@code "test": true}. */
    public static final String TYPE_TEST = "announcement.test";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Data(String id, int revision, String title, String summary, String kind, Instant publishedAt,
            List<String> countries, List<Organisation> organisations, List<Person> persons, String sourceUrl,
            String publisher) {
    }

    public record Organisation(String id, String name) {
    }

    public record Person(String name, String role) {
    }

    public static WebhookPayload of(Announcement a, Instant now) {
        String type = a.revision() <= 1 ? TYPE_PUBLISHED : TYPE_REVISED;
        List<Organisation> organisations = a.organisations().stream()
                .map((OrganisationMention o) -> new Organisation(o.id(), o.name())).toList();
        List<Person> persons = a.persons().stream()
                .map((PersonMention p) -> new Person(p.name(), p.role())).toList();
        Data data = new Data(a.id(), a.revision(), a.title(), a.summary(), a.kind().wire(), a.publishedAt(),
                a.countryCodes(), organisations, persons, a.source() == null ? null : a.source().url(),
                a.source() == null ? null : a.source().publisher());
        return new WebhookPayload(type, now, data, null);
    }

    /** A made-up announcement, clearly marked as a test, in the shape of a real alert. */
    public static WebhookPayload sample(Instant now) {
        Data data = new Data("ann_test_sample", 1, "Test alert from Statecraft Feed",
                "This is a test alert sent at your request; it is not about a real announcement.", "statement",
                now, List.of("GB"), List.of(new Organisation("EU", "European Union")),
                List.of(new Person("Test Person", "Example role")), "https://statecraft.dev/test-alert",
                "Statecraft Feed");
        return new WebhookPayload(TYPE_TEST, now, data, Boolean.TRUE);
    }

    public String toJson() {
        return AnnouncementJson.write(this);
    }
}
