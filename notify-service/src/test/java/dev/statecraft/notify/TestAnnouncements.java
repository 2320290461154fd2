package dev.statecraft.notify;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Source;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** v1 events for tests, each with a fresh id unless one is given. */
public final class TestAnnouncements {
    private TestAnnouncements() {
    }

    public static String newId() {
        return "ann_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A random word no other test's text contains: each test filters on its own. */
    public static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Announcement announcement(String id, int revision, String title, String body, Kind kind,
            String... countries) {
        return new Announcement(id, revision,
                new Source("https://www.gov.uk/government/news/" + id, "Foreign, Commonwealth & Development Office",
                        "govuk-content"),
                Instant.parse("2025-03-18T00:00:00Z"), false, Instant.now(), "1.0.0", title,
                "Summary of " + title, body, kind,
                List.of(countries).stream().map(c -> new CountryMention(c, List.of())).toList(),
                List.of(new OrganisationMention("EU", "European Union", List.of())),
                List.of(new PersonMention("Kaja Kallas", "EU High Representative for Foreign Affairs", List.of())),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
