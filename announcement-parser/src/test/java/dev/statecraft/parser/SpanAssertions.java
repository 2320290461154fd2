package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.Span;
import java.util.ArrayList;
import java.util.List;

/** Every span must lie inside body_text, and mentions that carry their text must match what the span shows. */
public final class SpanAssertions {
    private SpanAssertions() {
    }

    public static void assertValid(ParsedAnnouncement parsed) {
        String body = parsed.bodyText();
        assertThat(body).isNotNull();
        assertThat(parsed.title()).isNotNull();
        assertThat(parsed.publishedAt()).isNotNull();
        List<Span> all = new ArrayList<>();
        parsed.countries().forEach(c -> all.addAll(c.spans()));
        parsed.organisations().forEach(o -> all.addAll(o.spans()));
        parsed.persons().forEach(p -> all.addAll(p.spans()));
        parsed.locations().forEach(l -> all.addAll(l.spans()));
        parsed.sanctions().forEach(s -> all.addAll(s.spans()));
        for (Span s : all) {
            assertThat(s.end()).as("span %s within body of %d chars", s, body.length())
                    .isLessThanOrEqualTo(body.length());
            assertThat(s.end()).isGreaterThan(s.start());
        }
        parsed.dates().forEach(d -> d.spans().forEach(s ->
                assertThat(body.substring(s.start(), s.end())).isEqualTo(d.text())));
        parsed.amounts().forEach(a -> a.spans().forEach(s ->
                assertThat(body.substring(s.start(), s.end())).isEqualTo(a.text())));
        parsed.quantities().forEach(q -> q.spans().forEach(s ->
                assertThat(body.substring(s.start(), s.end())).isEqualTo(q.text())));
        parsed.quotes().forEach(q -> {
            StringBuilder joined = new StringBuilder();
            for (Span s : q.spans()) {
                joined.append(joined.isEmpty() ? "" : "\n").append(body, s.start(), s.end());
            }
            assertThat(joined.toString()).isEqualTo(q.text());
        });
    }
}
