package dev.statecraft.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written item writer gives exactly the bytes Jackson's own record serialization gives. */
class TimelineItemJsonTest {
    /** The service's mapping (Quarkus's defaults: JSR-310 module, ISO-8601 dates, nulls written). */
    private static final ObjectMapper SERVICE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** The same mapping with {@code @JsonSerialize(using = ...)} ignored: Jackson's reflective record writer. */
    private static final ObjectMapper REFERENCE = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Object findSerializer(Annotated a) {
                    return a.getRawType() == TimelineItem.class ? null : super.findSerializer(a);
                }
            }).build();

    @Test
    void pagesAreWrittenAsJacksonWritesThem() throws Exception {
        List<TimelineItem> items = List.of(
                new TimelineItem("a-1", 3, Instant.parse("2026-11-27T20:14:33.688797Z"),
                        Instant.parse("2026-11-27T20:14:33Z"), "statement", "Title \"quoted\" \u00e9\u4e2d\n\ttab",
                        null, "Publisher </script>", "https://example.org/a?b=1&c=\u2028", List.of("France", "Peru"),
                        List.of(), List.of("Ana \\ B"), List.of("x"), null, null),
                new TimelineItem("a-2", 1, Instant.parse("1970-01-01T00:00:00Z"),
                        Instant.parse("9999-12-31T23:59:59.999999999Z"), null, "t", "s", null, null, List.of(),
                        List.of("UN"), List.of(), List.of(), 0.0607927f, "a <mark>word</mark>"),
                new TimelineItem("a-3", 2, Instant.parse("1969-12-31T23:59:59.5Z"),
                        Instant.parse("+10000-01-01T00:00:00Z"), "k", "t", "s", "p", "u", null, null, null, null,
                        Float.NaN, ""));
        for (TimelineItem item : items) {
            assertThat(SERVICE.writeValueAsString(item)).isEqualTo(REFERENCE.writeValueAsString(item));
        }
        TimelineResource.TimelinePage page = new TimelineResource.TimelinePage(items, "/api/timeline?after=x");
        assertThat(SERVICE.writeValueAsString(page)).isEqualTo(REFERENCE.writeValueAsString(page));
    }

    @Test
    void instantsAreWrittenAsIsoInstantWritesThem() {
        SplittableRandom random = new SplittableRandom(7);
        char[] text = new char[30];
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2000-02-29T12:00:00.001Z"),
                Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("9999-12-31T23:59:59Z")));
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(253_402_300_800L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            int length = TimelineItemJson.iso8601(instant, text);
            assertThat(new String(text, 0, length)).isEqualTo(instant.toString());
        }
        assertThat(TimelineItemJson.iso8601(Instant.ofEpochSecond(-1), text)).isEqualTo(-1);
        assertThat(TimelineItemJson.iso8601(Instant.parse("+10000-01-01T00:00:00Z"), text)).isEqualTo(-1);
    }
}
