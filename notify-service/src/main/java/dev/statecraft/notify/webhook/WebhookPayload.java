package dev.statecraft.notify.webhook;

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
public record WebhookPayload(String type, Instant timestamp, Data data) {
    public static final String TYPE_PUBLISHED = "announcement.published";
    public static final String TYPE_REVISED = "announcement.revised";

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
        return new WebhookPayload(type, now, data);
    }

    public String toJson() {
        return AnnouncementJson.write(this);
    }
}
